namespace MdoBot.Domain.Feedback;

/// <summary>The parts of a feedback draft, in the order they appear.</summary>
public enum FeedbackSectionKind
{
    /// <summary>What we talked about: the meeting and the family's own view, as recorded.</summary>
    Discussed,

    /// <summary>What we want to achieve: the shared goal (only when recorded).</summary>
    Agreed,

    /// <summary>Who does what: confirmed and done actions only (only when there are any).</summary>
    WhoDoesWhat,

    /// <summary>The case lead as the parents' contact person, or who will tell them.</summary>
    ContactPerson,

    /// <summary>When the parents hear from us.</summary>
    NextContact,
}

/// <param name="Lines">One sentence or list line each; recorded text is inserted verbatim (whitespace collapsed).</param>
public sealed record FeedbackSection(FeedbackSectionKind Kind, string Heading, IReadOnlyList<string> Lines);

/// <summary>A plain-language feedback draft for the parents, for the case lead to edit and send.</summary>
/// <param name="Text">Greeting, every section (heading, then its lines), closing; lines separated by '\n'.</param>
public sealed record FeedbackDraft(FeedbackLanguage Language, string Text, IReadOnlyList<FeedbackSection> Sections);
