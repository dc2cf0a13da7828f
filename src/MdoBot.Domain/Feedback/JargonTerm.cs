namespace MdoBot.Domain.Feedback;

/// <summary>
/// A care-jargon term and what to write instead. Matched as a whole word (not inside another
/// word); a multi-word term matches with any whitespace between its words.
/// </summary>
/// <param name="Term">The term as listed, e.g. "tweede lijn" or "JGZ".</param>
/// <param name="PlainAlternative">Plain words a parent understands.</param>
/// <param name="MatchCase">
/// True only where the term is also an ordinary word or phrase in another case: "SAVE" (the
/// method) versus "save", "Veilig Thuis" (the organisation) versus "veilig thuis".
/// </param>
public sealed record JargonTerm(string Term, string PlainAlternative, bool MatchCase = false);
