using System.Text.Json.Serialization;

namespace MdoBot.Teams.Cards;

// The `data` of each card action (merged with the card's input values by Teams). Every payload
// carries the verb too, so the Action.Submit fallback (a message with value) can be routed.

/// <summary>Agenda editor actions. <c>AgendaVersion</c> detects a stale editor card.</summary>
public sealed record AgendaActionData(
    string Verb, string MdoId, int AgendaVersion, string? CaseId = null, string? Direction = null,
    string? Code = null, string? Question = null, string? Presenter = null, string? ParentsJoin = null, [property: JsonConverter(typeof(LenientIntConverter))] int? TimeBox = null,
    string? FamilyWants = null, string? FamilyCan = null, string? FamilyNeeds = null, [property: JsonConverter(typeof(LenientIntConverter))] int? MeetingLength = null,
    string? Title = null);

/// <summary>Start / next / extend / close. <c>CaseId</c> is the case that was current on the card.</summary>
public sealed record MeetingActionData(string Verb, string MdoId, int AgendaVersion, string? CaseId = null, [property: JsonConverter(typeof(LenientIntConverter))] int? Minutes = null);

/// <summary>Case card: record goal, decisions, case lead; add an action; reassign a declined action.</summary>
public sealed record CaseActionData(
    string Verb, string MdoId, string CaseId, string? ActionId = null,
    string? Goal = null, string? Decisions = null, string? CaseLead = null,
    string? ActionOwner = null, string? ActionText = null, string? ActionDue = null, string? NewOwner = null);

/// <summary>Action card: confirm or decline (with a reason).</summary>
public sealed record ActionCardData(string Verb, string MdoId, string ActionId, string? DeclineReason = null);

/// <summary>Parents' feedback draft card: re-check, send by e-mail (address used once, never stored), or mark discussed.</summary>
public sealed record FeedbackActionData(
    string Verb, string MdoId, string CaseId, string? FeedbackText = null, string? ParentEmail = null, string? LetterLanguage = null);

/// <summary>Evaluation card: four 1–5 scores (inputs q_keptToTime, …) and an optional comment.</summary>
public sealed record EvaluationActionData(
    string Verb, string MdoId,
    [property: JsonConverter(typeof(LenientIntConverter))] int? Q_KeptToTime = null,
    [property: JsonConverter(typeof(LenientIntConverter))] int? Q_LanguageClear = null,
    [property: JsonConverter(typeof(LenientIntConverter))] int? Q_FamilyViewLeading = null,
    [property: JsonConverter(typeof(LenientIntConverter))] int? Q_ClearWhoDoesWhat = null,
    string? Comment = null);

/// <summary>Confirmation of an erasure: one case, or the whole MDO when <c>CaseId</c> is null.</summary>
public sealed record EraseActionData(string Verb, string MdoId, string? CaseId = null);

/// <summary>Welcome card's language buttons: the language code chosen ("nl", "en").</summary>
public sealed record LanguageChoiceData(string Verb, string? Language = null);
