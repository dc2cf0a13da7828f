namespace MdoBot.Teams.Cards;

/// <summary>Every Action.Execute verb MdoBot puts on a card. One handler per verb.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "help.show";

    // Welcome card: the chat's language (and the open MDO's, for a chair). Data: LanguageChoiceData.
    public const string ChooseLanguage = "language.choose";

    // Agenda editor (chair). Data: AgendaActionData; inputs: CaseInputs.
    public const string OpenAgenda = "agenda.open";
    public const string AddCase = "agenda.addCase";
    public const string EditCaseForm = "agenda.editCaseForm";
    public const string SaveCase = "agenda.saveCase";
    public const string RemoveCase = "agenda.removeCase";
    public const string MoveCase = "agenda.moveCase";
    public const string SetMeetingLength = "agenda.setLength";
    public const string PrepareInPrivate = "agenda.preparePrivately";
    public const string Publish = "agenda.publish";
    public const string SetTitle = "agenda.setTitle";

    // Running the meeting (chair). Data: MeetingActionData.
    public const string Start = "mdo.start";
    public const string Next = "mdo.next";
    public const string Extend = "mdo.extend";
    public const string Close = "mdo.close";

    // Case card (chair). Data: CaseActionData; inputs: CaseRecordInputs / NewActionInputs.
    public const string SaveCaseRecord = "case.save";
    public const string AddAction = "case.addAction";
    public const string ReassignAction = "action.reassign";

    // Action card (owner). Data: ActionCardData; input: declineReason.
    public const string ConfirmAction = "action.confirm";
    public const string DeclineAction = "action.decline";

    // Parents' feedback draft (case lead). Data: FeedbackActionData; inputs: feedbackText, parentEmail, letterLanguage.
    public const string CheckFeedback = "feedback.check";
    public const string SendFeedback = "feedback.send";
    public const string FeedbackInPerson = "feedback.inPerson";
    public const string RedraftFeedback = "feedback.redraft";

    // Erasure (chair, after a confirmation card). Data: EraseActionData.
    public const string EraseCase = "erase.case";
    public const string EraseMeeting = "erase.meeting";

    // Evaluation (any participant). Data: EvaluationActionData; inputs: q_<question>, comment.
    public const string SubmitEvaluation = "eval.submit";

    // Reminder card in the owner's 1:1 chat (owner or chair). Data: ActionCardData.
    public const string MarkActionDone = "action.markDone";

    // "Open actions from last time" on a returning case's card (owner or chair). Data: FollowUpActionData.
    public const string FollowUpDone = "followup.done";
    public const string FollowUpStillOpen = "followup.stillOpen";
    public const string FollowUpDropped = "followup.dropped";
}
