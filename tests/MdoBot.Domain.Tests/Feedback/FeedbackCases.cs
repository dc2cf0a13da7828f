using MdoBot.Domain.Mdo;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Domain.Tests.Feedback;

/// <summary>Which recorded parts a feedback test case has; every text is unique so a test can look for it.</summary>
internal sealed record CaseFields(
    string? Want = FeedbackCases.Want,
    string? CanDo = FeedbackCases.CanDo,
    string? Need = FeedbackCases.Need,
    string? Goal = FeedbackCases.Goal,
    bool Lead = true,
    bool ConfirmedAction = true,
    bool DoneAction = true);

/// <summary>A running MDO (met 23 November 2026) with one case built from <see cref="CaseFields"/>.</summary>
internal static class FeedbackCases
{
    public const string Want = "Meer rust in huis";
    public const string CanDo = "Zelf koken en wassen";
    public const string Need = "Hulp bij het slapen";
    public const string Goal = "Veilig slapen voor de baby";
    public const string Question = "Hoe regelen we de zorg rond de bevalling";
    public const string Decisions = "Kraamzorg verlengen met een week";
    public const string Confirmed = "Een huisbezoek plannen";
    public const string Done = "De groeicurve bespreken";
    public const string Proposed = "Overleg met school";
    public const string Declined = "Aanmelden bij de peuterspeelzaal";

    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Participant Chair = new("29:chair", "Anna");
    public static readonly Participant Presenter = new("29:presenter", "Piet");
    public static readonly Participant Lead = new("29:lead", "Cato");
    public static readonly Participant Bram = new("29:bram", "Bram");
    public static readonly Participant Dirk = new("29:dirk", "Dirk");
    public static readonly Participant Eva = new("29:eva", "Eva");

    public static (MdoMeeting Mdo, MdoCase Case) Build(CaseFields fields)
    {
        var mdo = MdoMeeting.Create("mdo-1", "19:meeting@thread.v2", "MDO Kansrijke Start", Chair, T0.AddDays(-1));
        var view = new FamilyView(fields.Want, fields.CanDo, fields.Need);
        mdo.AddCase(Chair, new CaseDraft("Gezin A", Presenter, Question, true, 20, view), mdo.AgendaVersion);
        mdo.Start(Chair, T0);
        mdo.RecordGoal(Chair, "c1", fields.Goal);
        mdo.RecordDecisions(Chair, "c1", Decisions);
        if (fields.Lead)
        {
            mdo.SetCaseLead(Chair, "c1", Lead);
        }

        if (fields.ConfirmedAction)
        {
            Act(mdo, Bram, Confirmed, Today.AddDays(7), confirm: true);
        }

        if (fields.DoneAction)
        {
            var done = Act(mdo, Eva, Done, Today.AddDays(2), confirm: true);
            mdo.MarkActionDone(Eva, done.Id, T0);
        }

        Act(mdo, Bram, Proposed, Today.AddDays(3), confirm: false);
        var declined = Act(mdo, Dirk, Declined, Today.AddDays(1), confirm: false);
        mdo.DeclineAction(Dirk, declined.Id, "Geen tijd", T0);
        mdo.ReassignAction(Chair, declined.Id, Bram, T0);
        return (mdo, mdo.FindCase("c1")!);
    }

    private static MdoAction Act(MdoMeeting mdo, Participant owner, string description, DateOnly due, bool confirm)
    {
        var action = mdo.AddAction(Chair, "c1", owner, description, due, T0);
        if (confirm)
        {
            mdo.ConfirmAction(owner, action.Id, T0);
        }

        return action;
    }
}
