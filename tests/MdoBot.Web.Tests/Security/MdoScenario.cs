using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.Testing;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>The free-text fields of one case on the agenda.</summary>
public sealed record CaseFields(
    string Code, string? Question = null, string? FamilyWants = null, string? FamilyCan = null, string? FamilyNeeds = null,
    int TimeBox = 20, string? PresenterId = null, bool ParentsJoin = false);

/// <summary>
/// Drives one MDO in a meeting chat the way people do (editor card, buttons, typed commands) and
/// returns the cards MdoBot posts, waiting for each new one.
/// </summary>
public sealed class MdoScenario(BotApp app, MeetingChat chat)
{
    private readonly HashSet<RecordedCall> _taken = new(ReferenceEqualityComparer.Instance);

    public BotApp App => app;

    public MeetingChat Chat => chat;

    public string? MdoId { get; private set; }

    /// <summary>Waits for a connector call that matches and was not returned before.</summary>
    public async Task<RecordedCall> NextCallAsync(Func<RecordedCall, bool> match, TimeSpan? timeout = null)
    {
        var call = await app.Connector.WaitForAsync(c => !_taken.Contains(c) && match(c), timeout);
        _taken.Add(call);
        return call;
    }

    /// <summary>Waits for a new card sent into the meeting chat containing all the texts.</summary>
    public async Task<JsonNode> NextChatCardAsync(params string[] texts) =>
        (await NextCallAsync(c => c.Kind == "send" && c.ConversationId == chat.ConversationId && texts.All(c.IsCard))).Card!;

    /// <summary><c>agenda</c> typed by the chair: the (new) MDO's editor card.</summary>
    public async Task<JsonNode> OpenEditorAsync()
    {
        await chat.SayAsync(Chair, "agenda");
        var editor = await NextChatCardAsync("agenda.addCase");
        MdoId = (string?)ActionData(editor, "agenda.addCase")["mdoId"];
        return editor;
    }

    /// <summary>Adds the cases through the editor's form; returns the last editor card.</summary>
    public async Task<JsonNode> AddCasesAsync(JsonNode editor, params CaseFields[] cases)
    {
        foreach (var c in cases)
        {
            var data = ActionData(editor, "agenda.addCase");
            data["code"] = c.Code;
            data["question"] = c.Question;
            data["familyWants"] = c.FamilyWants;
            data["familyCan"] = c.FamilyCan;
            data["familyNeeds"] = c.FamilyNeeds;
            data["timeBox"] = c.TimeBox.ToString(CultureInfo.InvariantCulture);
            data["presenter"] = c.PresenterId;
            data["parentsJoin"] = c.ParentsJoin ? "true" : "false";
            var response = await chat.InvokeAsync(Chair, data);
            if ((string?)response?["type"] != "application/vnd.microsoft.card.adaptive" || !Text(response).Contains(c.Code, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Case {c.Code} was not added: {response?.ToJsonString()}");
            }

            editor = response!["value"]!;
        }

        return editor;
    }

    /// <summary>Presses Start on the editor; returns the first case card.</summary>
    public async Task<JsonNode> StartAsync(JsonNode editor, string firstCode)
    {
        await chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        return await NextChatCardAsync("case.save", firstCode);
    }

    /// <summary>Records goal, decisions and case lead on a case card.</summary>
    public async Task<JsonNode> SaveCaseRecordAsync(JsonNode caseCard, string? goal, string? decisions, string? caseLeadId)
    {
        var save = ActionData(caseCard, "case.save");
        save["goal"] = goal;
        save["decisions"] = decisions;
        save["caseLead"] = caseLeadId;
        var response = await chat.InvokeAsync(Chair, save);
        return response!["value"] ?? throw new InvalidOperationException("case.save answered " + response.ToJsonString());
    }

    /// <summary>Proposes an action from the case card; returns the action card posted for the owner.</summary>
    public async Task<JsonNode> AddActionAsync(JsonNode caseCard, (string Id, string Name) owner, string text, int dueInDays = 7)
    {
        var add = ActionData(caseCard, "case.addAction");
        add["actionOwner"] = owner.Id;
        add["actionText"] = text;
        add["actionDue"] = app.Time.GetUtcNow().AddDays(dueInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await chat.InvokeAsync(Chair, add);
        if ((string?)response?["type"] != "application/vnd.microsoft.card.adaptive")
        {
            throw new InvalidOperationException("case.addAction answered " + response?.ToJsonString());
        }

        return await NextChatCardAsync("action.confirm", text, $"<at>{owner.Name}</at>");
    }

    public Task<JsonNode?> ConfirmAsync(JsonNode actionCard, (string Id, string Name) owner) =>
        chat.InvokeAsync(owner, ActionData(actionCard, "action.confirm"));

    public Task<JsonNode?> DeclineAsync(JsonNode actionCard, (string Id, string Name) owner, string reason)
    {
        var decline = ActionData(actionCard, "action.decline");
        decline["declineReason"] = reason;
        return chat.InvokeAsync(owner, decline);
    }

    /// <summary><c>volgende</c> by the chair; returns the next case card.</summary>
    public async Task<JsonNode> NextCaseAsync(string code)
    {
        await chat.SayAsync(Chair, "volgende");
        return await NextChatCardAsync("case.save", code);
    }

    /// <summary><c>afronden</c> by the chair; returns the summary card.</summary>
    public async Task<JsonNode> CloseAsync()
    {
        await chat.SayAsync(Chair, "afronden");
        return await NextChatCardAsync("Samenvatting");
    }

    /// <summary>The parents' feedback draft that the case lead got in their 1:1 chat.</summary>
    public async Task<(string Conversation, JsonNode Card)> FeedbackDraftAsync((string Id, string Name) caseLead, string code)
    {
        var call = await NextCallAsync(c => c.Kind == "send" && c.ConversationId == "a:personal-" + caseLead.Id && c.IsCard("feedback.send") && c.IsCard(code));
        return (call.ConversationId, call.Card!);
    }

    /// <summary>An invoke from a user in their 1:1 chat with MdoBot.</summary>
    public JsonObject PersonalInvoke((string Id, string Name) user, string personalConversation, JsonObject data, string? id = null)
    {
        var invoke = chat.InvokeActivity(user, data, id);
        invoke["conversation"] = new JsonObject { ["id"] = personalConversation, ["conversationType"] = "personal" };
        invoke.Remove("channelData");
        return invoke;
    }
}
