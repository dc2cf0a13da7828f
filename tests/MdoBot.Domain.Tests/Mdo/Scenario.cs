using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

/// <summary>A full meeting touching every part of the model, for summary and JSON tests.</summary>
internal static class Scenario
{
    /// <summary>
    /// c1 (25 min incl. 5 extension, used 23:30): goal, decisions, lead; a1 confirmed, a2 declined and
    /// reassigned as a4 (proposed), a3 done. c2 (used 16:30): a5 declined. c3 never discussed.
    /// </summary>
    public static Mdo.Mdo ClosedMeeting()
    {
        var mdo = Given.PlannedMdo(cases: 2, start: Given.At(0), end: Given.At(60));
        mdo.AddChair(Given.Chair, Given.Nurse);
        mdo.AddCase(Given.Chair, new CaseDraft("2026-017", null, null, false, 20, null), mdo.AgendaVersion);
        mdo.SetMeetingLength(Given.Chair, 75);
        mdo.Start(Given.Chair, Given.T0);
        mdo.RecordGoal(Given.Chair, "c1", "Veilig slapen");
        mdo.RecordDecisions(Given.Chair, "c1", "Kraamzorg verlengen");
        mdo.SetCaseLead(Given.Chair, "c1", Given.Nurse);
        mdo.AddAction(Given.Chair, "c1", Given.Pro, "Huisbezoek plannen", Given.Today.AddDays(7), Given.At(3));
        mdo.ConfirmAction(Given.Pro, "a1", Given.At(4));
        mdo.AddAction(Given.Chair, "c1", Given.Pro, "Overleg met school", Given.Today.AddDays(14), Given.At(5));
        mdo.DeclineAction(Given.Pro, "a2", "Geen capaciteit", Given.At(6));
        mdo.AddAction(Given.Chair, "c1", Given.Nurse, "Groeicurve", Given.Today, Given.At(7));
        mdo.ConfirmAction(Given.Nurse, "a3", Given.At(8));
        mdo.MarkActionDone(Given.Nurse, "a3", Given.At(9));
        mdo.ReassignAction(Given.Chair, "a2", Given.Nurse, Given.At(10));
        mdo.Extend(Given.Chair, 5, Given.At(16), "c1");
        mdo.NextCase(Given.Chair, Given.At(23, 30), "c1");
        mdo.AddAction(Given.Chair, "c2", Given.Pro, "Aanmelden", Given.Today.AddDays(2), Given.At(30));
        mdo.DeclineAction(Given.Pro, "a5", "Wachtlijst", Given.At(31));
        mdo.Close(Given.Chair, Given.At(40));
        return mdo;
    }
}
