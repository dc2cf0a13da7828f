using System.Text;
using System.Text.RegularExpressions;
using MdoBot.Domain.Mdo;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Domain.Feedback;

/// <summary>
/// Writes the plain-language feedback draft for the parents of one case. It never invents
/// content: a part that was not recorded is left out (or replaced by a fixed sentence that
/// says it is not known yet). Only the family's view, the shared goal, confirmed or done
/// actions and the case lead are used — never the question, decisions, presenter, or
/// proposed, declined or reassigned actions, which are the professionals' words.
/// </summary>
public static partial class FeedbackDraftGenerator
{
    /// <param name="contactName">
    /// Whom the letter greets (the parent or trusted person), typed by the case lead; blank gives
    /// "Beste ouder(s)". The MDO stores no parent names.
    /// </param>
    /// <param name="nextContact">
    /// When the parents hear from us. Without it, the earliest due date of a confirmed action;
    /// without that, a sentence that we will let them know.
    /// </param>
    /// <exception cref="ArgumentException">The case is not part of <paramref name="mdo"/>.</exception>
    public static FeedbackDraft Generate(MdoMeeting mdo, MdoCase c, FeedbackLanguage lang, string contactName, DateOnly? nextContact)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(c);
        if (!ReferenceEquals(mdo.FindCase(c.Id), c))
        {
            throw new ArgumentException("The case is not part of this MDO.", nameof(c));
        }

        var say = FeedbackPhrases.For(lang);
        var metAt = c.StartedAt ?? mdo.StartedAt ?? mdo.ScheduledStart;
        var year = (metAt ?? mdo.CreatedAt).Year;
        var lead = Clean(c.CaseLead?.Name);
        var sections = new List<FeedbackSection> { Discussed(say, c.FamilyView, metAt, year) };
        if (Clean(c.SharedGoal) is { } goal)
        {
            sections.Add(new(FeedbackSectionKind.Agreed, say.AgreedHeading, [FeedbackPhrases.Fill(say.Goal, goal)]));
        }

        var actions = c.Actions.Where(a => a.Status is ActionStatus.Confirmed or ActionStatus.Done).ToList();
        if (actions.Count > 0)
        {
            sections.Add(new(FeedbackSectionKind.WhoDoesWhat, say.ActionsHeading, [.. actions.Select(a => ActionLine(say, a, year))]));
        }

        sections.Add(lead is null
            ? new(FeedbackSectionKind.ContactPerson, say.ContactHeading, [say.ContactUnknown])
            : new(FeedbackSectionKind.ContactPerson, say.ContactHeading, [FeedbackPhrases.Fill(say.Contact, lead), say.ContactQuestions]));

        var next = nextContact ?? actions.Where(a => a.Status == ActionStatus.Confirmed).Select(a => (DateOnly?)a.DueDate).Min();
        sections.Add(new(
            FeedbackSectionKind.NextContact,
            say.NextHeading,
            [next is { } date ? FeedbackPhrases.Fill(say.NextBy, say.Date(date, year)) : say.NextUnknown]));

        return new FeedbackDraft(lang, Compose(say, Clean(contactName), sections, lead), sections);
    }

    private static FeedbackSection Discussed(FeedbackPhrases say, FamilyView view, DateTimeOffset? metAt, int year)
    {
        var lines = new List<string>
        {
            metAt is { } at ? FeedbackPhrases.Fill(say.MetOn, say.Date(DateOnly.FromDateTime(at.DateTime), year)) : say.MetUndated,
        };
        var parts = new[] { (say.Want, view.WhatTheyWant), (say.CanDo, view.WhatTheyCanDoThemselves), (say.Need, view.WhatTheyNeed) }
            .Select(p => (p.Item1, Text: Clean(p.Item2)))
            .Where(p => p.Text is not null)
            .Select(p => FeedbackPhrases.Fill(p.Item1, p.Text!))
            .ToList();
        if (parts.Count > 0)
        {
            lines.Add(say.StartedFromFamily);
            lines.AddRange(parts);
        }

        return new FeedbackSection(FeedbackSectionKind.Discussed, say.DiscussedHeading, lines);
    }

    private static string ActionLine(FeedbackPhrases say, MdoAction action, int year)
    {
        var owner = Clean(action.Owner.Name);
        var what = Clean(action.Description) ?? "";
        var due = say.Date(action.DueDate, year);
        return (action.Status, owner) switch
        {
            (ActionStatus.Done, null) => FeedbackPhrases.Fill(say.ActionDoneNoOwner, what),
            (ActionStatus.Done, _) => FeedbackPhrases.Fill(say.ActionDone, owner, what),
            (_, null) => FeedbackPhrases.Fill(say.ActionByNoOwner, due, what),
            _ => FeedbackPhrases.Fill(say.ActionBy, owner, due, what),
        };
    }

    private static string Compose(FeedbackPhrases say, string? greetName, IReadOnlyList<FeedbackSection> sections, string? lead)
    {
        var text = new StringBuilder()
            .Append(FeedbackPhrases.Fill(say.Greeting, greetName ?? say.GreetingFallbackName)).Append("\n\n");
        foreach (var section in sections)
        {
            text.Append(section.Heading).Append('\n');
            foreach (var line in section.Lines)
            {
                text.Append(line).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(say.Closing).Append("\n\n").Append(say.Regards);
        return (lead is null ? text : text.Append('\n').Append(lead)).ToString();
    }

    /// <summary>Trimmed, inner whitespace (line breaks too) collapsed to one space; null when blank.</summary>
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
