namespace MdoBot.Teams.Cards;

/// <summary>Input ids used on MdoBot's cards (the keys of the submitted values).</summary>
public static class InputIds
{
    public const string Code = "code";
    public const string Question = "question";
    public const string Presenter = "presenter";
    public const string ParentsJoin = "parentsJoin";
    public const string TimeBox = "timeBox";
    public const string FamilyWants = "familyWants";
    public const string FamilyCan = "familyCan";
    public const string FamilyNeeds = "familyNeeds";
    public const string MeetingLength = "meetingLength";
    public const string Goal = "goal";
    public const string Decisions = "decisions";
    public const string CaseLead = "caseLead";
    public const string ActionOwner = "actionOwner";
    public const string ActionText = "actionText";
    public const string ActionDue = "actionDue";
    public const string DeclineReason = "declineReason";
    public const string NewOwner = "newOwner";
    public const string FeedbackText = "feedbackText";
    public const string ParentEmail = "parentEmail";
    public const string LetterLanguage = "letterLanguage";
    public const string Title = "title";
    public const string EvaluationComment = "comment";
    public const string Export = "export";
}
