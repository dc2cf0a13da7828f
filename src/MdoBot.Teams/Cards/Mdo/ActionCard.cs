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
                    ? lang.Text("MdoCards.willYouConfirmThisAction", ("text", mention.Text))
                    : lang.Text("MdoCards.actionFor", ("text", mention.Text)),
                Size = "Medium",
                Weight = "Bolder",
            },
            new FactSet
            {
                Facts =
                [
                    new(lang.Text("MdoCards.action"), a.Description),
                    new(lang.Text("MdoCards.dueBy"), MdoFormat.Date(a.DueDate, lang)),
                    .. string.IsNullOrWhiteSpace(caseCode) ? (Fact[])[] : [new(lang.Text("MdoCards.case"), caseCode)],
                    .. mdo.HasOwnTitle ? (Fact[])[new("MDO", mdo.Title)] : [], // "MDO: MDO" says nothing
                ],
            },
            Status(mdo, a, lang, tz),
        };
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Text("MdoCards.actionFor2", ("ownerName", a.Owner.Name), ("description", a.Description)),
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
                Text = lang.Text("MdoCards.onlyCanConfirmOrDeclineThis", ("owner", owner)),
                IsSubtle = true,
            },
            ActionStatus.Confirmed => new TextBlock
            {
                Text = "✓ " + lang.Text("MdoCards.confirmedBy", ("owner", owner)) + When(a.RespondedAt, lang, tz),
                Color = "good",
                Weight = "Bolder",
            },
            ActionStatus.Declined => new TextBlock
            {
                Text = lang.Text("MdoCards.notFeasibleAccordingToBackTo", ("owner", owner), ("declineReason", a.DeclineReason)),
                Color = "attention",
                Weight = "Bolder",
            },
            ActionStatus.Reassigned => new TextBlock
            {
                Text = lang.Text("MdoCards.reassigned")
                    + (mdo.FindAction(a.ReassignedTo) is { } replacement ? lang.Text("MdoCards.to") + replacement.Owner.Name : ""),
                IsSubtle = true,
            },
            ActionStatus.Dropped => new TextBlock
            {
                Text = lang.Text("MdoCards.dropped") + (a.DoneAt is { } dropped ? lang.Text("MdoCards.on") + MdoFormat.Date(dropped, tz, lang) : ""),
                IsSubtle = true,
            },
            _ => new TextBlock
            {
                Text = "✓ " + lang.Text("MdoCards.done") + (a.DoneAt is { } done ? lang.Text("MdoCards.on") + MdoFormat.Date(done, tz, lang) : ""),
                Color = "good",
            },
        };
    }

    private static string When(DateTimeOffset? at, Language lang, TimeZoneInfo tz) =>
        at is { } moment ? lang.Text("MdoCards.on") + MdoFormat.DateTime(moment, tz, lang) : "";

    private static List<CardAction> Buttons(MdoMeeting mdo, MdoAction a, Language lang) =>
    [
        MdoButtons.Action(mdo, CardVerbs.ConfirmAction, lang.Text("MdoCards.confirm"), a.Id, style: "positive"),
        MdoButtons.ShowCard(
            lang.Text("MdoCards.cantDoThis"),
            [
                new TextInput
                {
                    Id = InputIds.DeclineReason,
                    Label = lang.Text("MdoCards.whyCantYouDoIt"),
                    IsMultiline = true,
                    MaxLength = MdoLimits.DeclineReasonMaxLength,
                    IsRequired = true,
                    ErrorMessage = lang.Text("MdoCards.giveAReason"),
                },
                new ActionSet { Actions = [MdoButtons.Action(mdo, CardVerbs.DeclineAction, lang.Text("MdoCards.send"), a.Id, style: "destructive", withInputs: true)] },
            ]),
    ];
}
