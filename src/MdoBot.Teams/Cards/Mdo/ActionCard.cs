using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// One action, @mentioning its owner: Confirm / "Can't do this" (with a reason) while proposed;
/// afterwards the card shows for everyone who confirmed or declined it, and when.
/// </summary>
public static class ActionCard
{
    public static AdaptiveCard Build(MdoMeeting mdo, MdoAction a, string caseCode, Language lang, TimeZoneInfo tz)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(tz);
        var mention = MentionEntity.For(a.Owner.Id, a.Owner.Name);
        var proposed = a.Status == ActionStatus.Proposed;
        var body = new List<CardElement>
        {
            new TextBlock
            {
                Text = proposed
                    ? lang.Pick($"{mention.Text}, wil je deze actie bevestigen?", $"{mention.Text}, will you confirm this action?")
                    : lang.Pick($"Actie voor {mention.Text}", $"Action for {mention.Text}"),
                Size = "Medium",
                Weight = "Bolder",
            },
            new FactSet
            {
                Facts =
                [
                    new(lang.Pick("Actie", "Action"), a.Description),
                    new(lang.Pick("Uiterlijk op", "Due by"), MdoFormat.Date(a.DueDate, lang)),
                    .. string.IsNullOrWhiteSpace(caseCode) ? (Fact[])[] : [new(lang.Pick("Casus", "Case"), caseCode)],
                    .. mdo.HasOwnTitle ? (Fact[])[new("MDO", mdo.Title)] : [], // "MDO: MDO" says nothing
                ],
            },
            Status(mdo, a, lang, tz),
        };
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Pick($"Actie voor {a.Owner.Name}: {a.Description}", $"Action for {a.Owner.Name}: {a.Description}"),
            Body = body,
            Actions = proposed ? Buttons(mdo, a, lang) : null,
            MsTeams = new TeamsCardProperties { Width = "Full", Entities = [mention] },
        };
    }

    private static TextBlock Status(MdoMeeting mdo, MdoAction a, Language lang, TimeZoneInfo tz)
    {
        var owner = a.Owner.Name;
        return a.Status switch
        {
            ActionStatus.Proposed => new TextBlock
            {
                Text = lang.Pick($"Alleen {owner} kan deze actie bevestigen of afwijzen.", $"Only {owner} can confirm or decline this action."),
                IsSubtle = true,
            },
            ActionStatus.Confirmed => new TextBlock
            {
                Text = "✓ " + lang.Pick($"Bevestigd door {owner}", $"Confirmed by {owner}") + When(a.RespondedAt, lang, tz),
                Color = "good",
                Weight = "Bolder",
            },
            ActionStatus.Declined => new TextBlock
            {
                Text = lang.Pick(
                    $"Niet haalbaar volgens {owner}: {a.DeclineReason}. Terug naar de voorzitter.",
                    $"Not feasible according to {owner}: {a.DeclineReason}. Back to the chair."),
                Color = "attention",
                Weight = "Bolder",
            },
            ActionStatus.Reassigned => new TextBlock
            {
                Text = lang.Pick("Overgedragen", "Reassigned")
                    + (mdo.FindAction(a.ReassignedTo) is { } replacement ? lang.Pick(" aan ", " to ") + replacement.Owner.Name : ""),
                IsSubtle = true,
            },
            ActionStatus.Dropped => new TextBlock
            {
                Text = lang.Pick("Vervallen", "Dropped") + (a.DoneAt is { } dropped ? lang.Pick(" op ", " on ") + MdoFormat.Date(dropped, tz, lang) : ""),
                IsSubtle = true,
            },
            _ => new TextBlock
            {
                Text = "✓ " + lang.Pick("Gedaan", "Done") + (a.DoneAt is { } done ? lang.Pick(" op ", " on ") + MdoFormat.Date(done, tz, lang) : ""),
                Color = "good",
            },
        };
    }

    private static string When(DateTimeOffset? at, Language lang, TimeZoneInfo tz) =>
        at is { } moment ? lang.Pick(" op ", " on ") + MdoFormat.DateTime(moment, tz, lang) : "";

    private static List<CardAction> Buttons(MdoMeeting mdo, MdoAction a, Language lang) =>
    [
        MdoButtons.Action(mdo, CardVerbs.ConfirmAction, lang.Pick("Bevestigen", "Confirm"), a.Id, style: "positive"),
        MdoButtons.ShowCard(
            lang.Pick("Dit lukt niet", "Can't do this"),
            [
                new TextInput
                {
                    Id = InputIds.DeclineReason,
                    Label = lang.Pick("Waarom lukt het niet?", "Why can't you do it?"),
                    IsMultiline = true,
                    MaxLength = MdoLimits.DeclineReasonMaxLength,
                    IsRequired = true,
                    ErrorMessage = lang.Pick("Geef een reden.", "Give a reason."),
                },
                new ActionSet { Actions = [MdoButtons.Action(mdo, CardVerbs.DeclineAction, lang.Pick("Versturen", "Send"), a.Id, style: "destructive", withInputs: true)] },
            ]),
    ];
}
