using System.Text.Json;
using MdoBot.Domain.Privacy;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Options;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.Security;

/// <summary>
/// Guards every piece of free text MdoBot could store (card inputs and typed commands) against a
/// citizen service number (BSN, elfproef) or a full birth date, and case codes against full names.
/// Such input is refused with a request to rephrase; it is never stored and never logged.
/// </summary>
public sealed class SensitiveInputFilter(IOptions<MdoOptions> options) : ITurnFilter
{
    // Ids and machine values in card data, not free text.
    private static readonly HashSet<string> MachineFields = new(StringComparer.OrdinalIgnoreCase)
    {
        CardVerbData.VerbField, "mdoId", "caseId", "actionId", "currentMdoId", "direction", "agendaVersion",
        InputIds.Presenter, InputIds.CaseLead, InputIds.ActionOwner, InputIds.ActionDue, InputIds.ParentEmail,
    };

    public bool Allow(TurnContext turn, CardVerbData? action, CommandText? command)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var today = MdoFormat.LocalDate(turn.Now, options.Value.ResolveTimeZone());
        string? refusalKey = null;
        if (action is not null && action.Data.ValueKind == JsonValueKind.Object)
        {
            refusalKey = CheckObject(action.Data, today);
        }
        else if (command is not null && command.Arguments.Length > 0)
        {
            refusalKey = SensitiveTextGuard.Check(command.Arguments, today).MessageKey;
        }

        if (refusalKey is null)
        {
            return true;
        }

        var lang = EvaluationCard.ToFeedback(turn.Language);
        var text = PrivacyTexts.Text(refusalKey, lang);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            // A message keeps the user's form (with their input) open to rephrase.
            turn.InvokeResponse = InvokeResponses.Message(text);
        }
        else
        {
            turn.SendCard(NoticeCard.Build(turn.Language.Text("Security.pleaseRephrase"), text, turn.Language));
        }

        return false;
    }

    private static string? CheckObject(JsonElement data, DateOnly today)
    {
        foreach (var property in data.EnumerateObject())
        {
            if (MachineFields.Contains(property.Name) || property.Name.StartsWith("newOwner_", StringComparison.Ordinal))
            {
                continue;
            }

            var key = property.Value.ValueKind switch
            {
                JsonValueKind.String when property.NameEquals(InputIds.Code) => CaseCodeKey(property.Value.GetString()!, today),
                JsonValueKind.String => SensitiveTextGuard.Check(property.Value.GetString(), today).MessageKey,
                JsonValueKind.Object => CheckObject(property.Value, today),
                _ => null,
            };
            if (key is not null)
            {
                return key;
            }
        }

        return null;
    }

    private static string? CaseCodeKey(string code, DateOnly today) =>
        SensitiveTextGuard.Check(code, today).MessageKey ?? CaseCodeGuard.Check(code).SuggestionKey;
}
