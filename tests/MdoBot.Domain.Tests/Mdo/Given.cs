using System.Text.Json;
using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

/// <summary>Fixed times, people and MDOs in a known state. `Mdo.Mdo` is the aggregate type (the namespace has the same name).</summary>
internal static class Given
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Participant Chair = new("29:chair", "Anna (voorzitter)");
    public static readonly Participant Pro = new("29:pro", "Bram (wijkteam)");
    public static readonly Participant Nurse = new("29:nurse", "Cato (JGZ)");
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static DateTimeOffset At(int minutes, int seconds = 0) => T0.AddMinutes(minutes).AddSeconds(seconds);

    public static CaseDraft Draft(string code, int timeBox = 20) =>
        new(code, Pro, "Hoe krijgen we de zorg rond?", ParentsJoin: true, TimeBoxMinutes: timeBox, FamilyView: new("Rust", "Koken", "Hulp bij slapen"));

    public static Mdo.Mdo PlannedMdo(int cases = 3, int timeBox = 20, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        var mdo = Mdo.Mdo.Create("mdo-1", "19:meeting_x@thread.v2", "MDO Kansrijke Start", Chair, T0.AddDays(-1), start, end);
        for (var i = 0; i < cases; i++)
        {
            mdo.AddCase(Chair, Draft($"Gezin {(char)('A' + i)}", timeBox), mdo.AgendaVersion);
        }

        return mdo;
    }

    /// <summary>Started at <see cref="T0"/>: c1 current, the others planned.</summary>
    public static Mdo.Mdo RunningMdo(int cases = 3)
    {
        var mdo = PlannedMdo(cases);
        mdo.Start(Chair, T0);
        return mdo;
    }

    /// <summary>Running, c1 current, a1 proposed for Pro, a2 declined by Pro, a3 confirmed by Nurse.</summary>
    public static Mdo.Mdo RunningWithActions()
    {
        var mdo = RunningMdo();
        mdo.AddAction(Chair, "c1", Pro, "Huisbezoek plannen", Today.AddDays(7), At(3));
        var declined = mdo.AddAction(Chair, "c1", Pro, "Overleg met school", Today.AddDays(14), At(4));
        mdo.DeclineAction(Pro, declined.Id, "Geen capaciteit", At(5));
        var confirmed = mdo.AddAction(Chair, "c1", Nurse, "Groeicurve bespreken", Today.AddDays(3), At(6));
        mdo.ConfirmAction(Nurse, confirmed.Id, At(7));
        return mdo;
    }

    public static string Snapshot(Mdo.Mdo mdo) => JsonSerializer.Serialize(mdo, Web);

    public static MdoRuleException Refused(MdoError code, Action act)
    {
        var ex = Assert.Throws<MdoRuleException>(act);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    /// <summary>Asserts the refusal and that the MDO is exactly as before.</summary>
    public static MdoRuleException RefusedUnchanged(Mdo.Mdo mdo, MdoError code, Action act)
    {
        var before = Snapshot(mdo);
        var ex = Refused(code, act);
        Assert.Equal(before, Snapshot(mdo));
        return ex;
    }
}
