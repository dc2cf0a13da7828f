using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// One case during the meeting: the clock and the controls (Add action, and Extend / Next while it is the current
/// case) at the top; the question; the family's view and the actions (with reassigning declined ones) each behind a
/// show/hide toggle (the actions open when one waits to be reassigned); the shared goal, decisions and case lead (a
/// form). Read-only once the MDO is closed. Shown texts (never the prefilled inputs) are shortened when the card would not fit.
/// </summary>
public static class CaseCard
{
    /// <summary>The input id of the new-owner choice for declined action <paramref name="actionId"/>: "newOwner_a3".</summary>
    public static string NewOwnerInputId(string actionId) => $"{InputIds.NewOwner}_{actionId}";

    /// <param name="openFromLastTime">Open actions of this case from earlier MDOs of the series, shown first; none when null or empty.</param>
    public static AdaptiveCard Build(
        MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang, DateTimeOffset now, TimeZoneInfo tz, CaseClock? clock,
        IReadOnlyList<EarlierAction>? openFromLastTime = null)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(tz);
        return CardBudget.Fit(CaseLayout.Levels, level => Render(mdo, c, members, lang, now, tz, clock, CaseLayout.For(level), openFromLastTime));
    }

    private static AdaptiveCard Render(
        MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang, DateTimeOffset now, TimeZoneInfo tz, CaseClock? clock, CaseLayout layout,
        IReadOnlyList<EarlierAction>? openFromLastTime)
    {
        var closed = mdo.State == MdoState.Closed;
        var body = new List<CardElement>
        {
            MdoTexts.Title(c.Code),
            MdoTexts.Subtle(SubTitle(c, lang)),
            TimeLine(c, clock, lang, now),
        };
        if (!closed)
        {
            body.Add(new ActionSet { Actions = Buttons(mdo, c, members, lang, now, tz) });
        }

        if (openFromLastTime is { Count: > 0 })
        {
            body.Add(FollowUpSection.Build(mdo, c, openFromLastTime, lang, now, tz, layout.MaxText));
        }

        body.Add(MdoTexts.Heading(lang.Text("MdoCards.question")));
        body.Add(new TextBlock { Text = CardBudget.ClipOrNull(c.Question, layout.MaxText) ?? lang.Text("MdoCards.noQuestionEntered"), IsSubtle = c.Question is null, Spacing = "Small" });
        body.AddRange(CaseCardSections.Collapsible(
            "family-" + c.Id, lang.Text("MdoCards.theFamilysView"), [FamilyView(c.FamilyView, lang, layout.MaxText)], open: false, lang));
        if (closed)
        {
            body.Add(MdoTexts.Heading(lang.Text("MdoCards.outcome")));
            body.Add(new FactSet { Facts = CaseOutcome.Facts(CardBudget.ClipOrNull(c.SharedGoal, layout.MaxText), CardBudget.ClipOrNull(c.Decisions, layout.MaxText), c.CaseLead, lang) });
            body.Add(MdoTexts.Subtle(lang.Text("MdoCards.thisMdoIsClosedThisCase")));
        }
        else
        {
            body.AddRange(CaseOutcome.Inputs(mdo, c, members, lang));
        }

        var waitsForReassign = !closed && c.Actions.Any(a => a.Status == ActionStatus.Declined);
        body.AddRange(CaseCardSections.Collapsible(
            "actions-" + c.Id, lang.Text("MdoCards.actionsWhoDoesWhat2", ("actionsCount", c.Actions.Count)),
            [.. CaseCardActions.List(mdo, c, members, lang, closed, layout)], waitsForReassign, lang));
        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Text("MdoCards.case2", ("code", c.Code)),
            Body = body,
        };
    }

    private static string SubTitle(MdoCase c, Language lang)
    {
        var parts = new List<string> { MdoTexts.CaseStatusText(c.Status, lang) };
        if (c.Presenter is { } presenter)
        {
            parts.Add(lang.Text("MdoCards.presenter2") + presenter.Name);
        }

        if (c.ParentsJoin)
        {
            parts.Add(lang.Text("MdoCards.parentsJoin"));
        }

        return string.Join(" · ", parts);
    }

    private static CardElement TimeLine(MdoCase c, CaseClock? clock, Language lang, DateTimeOffset now)
    {
        var prefix = lang.Text("MdoCards.time");
        if (c.Status == CaseStatus.Current && clock is not null && clock.CaseId == c.Id)
        {
            var text = prefix + MdoFormat.Minutes(clock.Minutes(now), lang);
            return clock.IsOver(now)
                ? new TextBlock { Text = text + lang.Text("MdoCards.timeIsUp"), Color = "attention", Weight = "Bolder" }
                : clock.IsWarning(now) ? MdoTexts.Warning(text) : new TextBlock { Text = text, Color = "accent", Weight = "Bolder" };
        }

        return c.Status == CaseStatus.Done
            ? new TextBlock { Text = prefix + MdoFormat.Minutes(MdoFormat.UsedMinutes(c), c.PlannedMinutes, lang) }
            : new TextBlock { Text = prefix + lang.Text("MdoCards.minPlanned", ("plannedMinutes", c.PlannedMinutes)) };
    }

    private static CardElement FamilyView(FamilyView view, Language lang, int maxText)
    {
        var facts = new List<Fact>();
        Add(facts, lang.Text("MdoCards.wants"), CardBudget.ClipOrNull(view.WhatTheyWant, maxText));
        Add(facts, lang.Text("MdoCards.canDoThemselves"), CardBudget.ClipOrNull(view.WhatTheyCanDoThemselves, maxText));
        Add(facts, lang.Text("MdoCards.needs"), CardBudget.ClipOrNull(view.WhatTheyNeed, maxText));
        return facts.Count == 0
            ? new TextBlock { Text = lang.Text("MdoCards.notFilledInYet"), IsSubtle = true, Spacing = "Small" }
            : new FactSet { Facts = facts, Spacing = "Small" };
    }

    private static void Add(List<Fact> facts, string title, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(title, value));
        }
    }

    private static List<CardAction> Buttons(MdoMeeting mdo, MdoCase c, IReadOnlyList<Participant> members, Language lang, DateTimeOffset now, TimeZoneInfo tz)
    {
        var actions = new List<CardAction> { CaseCardActions.AddActionForm(mdo, c, members, lang, MdoFormat.LocalDate(now, tz)) };
        if (mdo.State == MdoState.Running && mdo.CurrentCaseId == c.Id)
        {
            actions.Add(MdoButtons.Extend(mdo, c.Id, lang));
            actions.Add(MdoButtons.Next(mdo, c.Id, lang));
        }

        return actions;
    }
}

/// <summary>How compact the case card is rendered: shown text length, merged action lines, reassign rows.</summary>
internal sealed record CaseLayout(int MaxText, bool Merge, int MaxReassignRows)
{
    public const int Levels = 4;

    public static CaseLayout For(int level) => level switch
    {
        0 => new(int.MaxValue, false, int.MaxValue),
        1 => new(200, false, int.MaxValue),
        2 => new(60, true, int.MaxValue),
        _ => new(40, true, 3),
    };
}
