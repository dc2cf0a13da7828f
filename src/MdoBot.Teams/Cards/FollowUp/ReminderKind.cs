namespace MdoBot.Teams.Cards.FollowUp;

/// <summary>Which reminder the owner gets: some days before the due date, or on the day itself.</summary>
public enum ReminderKind
{
    BeforeDue,
    DueToday,
}
