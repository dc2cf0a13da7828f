using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

/// <summary>
/// Every chair-only operation, each with an MDO on which it would succeed for a chair
/// (RunningWithActions, or Planned for Start). Used to check refusals for non-chairs and after Close.
/// </summary>
internal static class ChairOperations
{
    public static readonly IReadOnlyDictionary<string, (Func<Mdo.Mdo> Arrange, Action<Mdo.Mdo, Participant> Act)> All =
        new Dictionary<string, (Func<Mdo.Mdo>, Action<Mdo.Mdo, Participant>)>
        {
            ["AddChair"] = (Given.RunningWithActions, (m, a) => m.AddChair(a, new Participant("29:new", "Nieuw"))),
            ["AddCase"] = (Given.RunningWithActions, (m, a) => m.AddCase(a, Given.Draft("Gezin Z"), m.AgendaVersion)),
            ["EditCase"] = (Given.RunningWithActions, (m, a) => m.EditCase(a, "c2", Given.Draft("Gezin Z"), m.AgendaVersion)),
            ["RemoveCase"] = (Given.RunningWithActions, (m, a) => m.RemoveCase(a, "c3", m.AgendaVersion)),
            ["MoveCase"] = (Given.RunningWithActions, (m, a) => m.MoveCase(a, "c3", 1, m.AgendaVersion)),
            ["SetMeetingLength"] = (Given.RunningWithActions, (m, a) => m.SetMeetingLength(a, 90)),
            ["Start"] = (() => Given.PlannedMdo(), (m, a) => m.Start(a, Given.T0)),
            ["NextCase"] = (Given.RunningWithActions, (m, a) => m.NextCase(a, Given.At(20), m.CurrentCaseId)),
            ["Extend"] = (Given.RunningWithActions, (m, a) => m.Extend(a, 5, Given.At(15), m.CurrentCaseId)),
            ["RecordGoal"] = (Given.RunningWithActions, (m, a) => m.RecordGoal(a, "c1", "Doel")),
            ["RecordDecisions"] = (Given.RunningWithActions, (m, a) => m.RecordDecisions(a, "c1", "Besluit")),
            ["SetCaseLead"] = (Given.RunningWithActions, (m, a) => m.SetCaseLead(a, "c1", Given.Nurse)),
            ["AddAction"] = (Given.RunningWithActions, (m, a) => m.AddAction(a, "c1", Given.Nurse, "Bellen", Given.Today, Given.At(15))),
            ["ReassignAction"] = (Given.RunningWithActions, (m, a) => m.ReassignAction(a, "a2", Given.Nurse, Given.At(15))),
            ["Close"] = (Given.RunningWithActions, (m, a) => m.Close(a, Given.At(30))),
            ["SetLanguage"] = (Given.RunningWithActions, (m, a) => m.SetLanguage(a, "en")),
            ["SetTitle"] = (Given.RunningWithActions, (m, a) => m.SetTitle(a, "MDO Jeugd Zuid")),
        };

    public static TheoryData<string> Names => [.. All.Keys];
}
