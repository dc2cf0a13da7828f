using MdoBot.Domain.Mdo;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Tests.Cards.Mdo;

/// <summary>The stages of the sample MDO the card tests render.</summary>
public enum MdoStage
{
    /// <summary>Three cases, scheduled 14:00–15:00 Amsterdam time, not started.</summary>
    Planned,

    /// <summary>Started at T0; Gezin A current (12 of 20 min); a1 confirmed, a2 declined.</summary>
    Running,

    /// <summary>Gezin A done after 18 min; Gezin B current since T0+18 (12 of 20 min at T0+30).</summary>
    SecondCase,

    /// <summary>Closed at T0+55: a1 done, a2 reassigned to a4 (confirmed), a3 proposed, a5 declined.</summary>
    Closed,
}

/// <summary>A realistic MDO built through the domain API at fixed times (T0 = 12 March 2026 14:00 in Amsterdam).</summary>
internal static class MdoSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 12, 13, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 3, 12);
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static readonly Participant Chair = new("29:1kQ9vX3mZpL7aR2sT8uY4wB6cD0eF5gH1iJ3kL7mN9oP2qR4sT6uV8wX0yZ2aB", "Els Jansen (voorzitter)");
    public static readonly Participant Midwife = new("29:1aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP", "Anna de Vries (verloskundige)");
    public static readonly Participant Social = new("29:1zY8xW6vU4tS2rQ0pO8nM6lK4jI2hG0fE8dC6bA4zY2xW0vU8tS6rQ4pO2nM0lK", "Bram Bakker (wijkteam)");
    public static readonly Participant Nurse = new("29:1mN2bV4cX6zL8kJ0hG2fD4sA6pO8iU0yT2rE4wQ6mN8bV0cX2zL4kJ6hG8fD0sA", "Carla Smit (JGZ)");

    public static IReadOnlyList<Participant> Members { get; } = [Chair, Midwife, Social, Nurse];

    /// <summary>Twelve members with Teams-length ids and long display names, for the size checks.</summary>
    public static IReadOnlyList<Participant> ManyMembers { get; } =
        [.. Members, .. Enumerable.Range(1, 8).Select(i => new Participant($"29:1{new string((char)('a' + i), 84)}", $"Deelnemer {i} met een lange naam (functie)"))];

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    /// <summary>The moment the cards of a stage are rendered at.</summary>
    public static DateTimeOffset Now(MdoStage stage) => stage switch
    {
        MdoStage.Planned => T0.AddMinutes(-30),
        MdoStage.Running => At(12),
        MdoStage.SecondCase => At(30),
        _ => At(60),
    };

    public static MdoMeeting Build(MdoStage stage)
    {
        var mdo = MdoMeeting.Create("3f9a1c2b7d4e", "19:meeting_NjQ5ZTk0@thread.v2", "MDO Kansrijke Start maart", Chair, T0.AddDays(-2), T0, At(60));
        AddCase(mdo, new CaseDraft(
            "Gezin A", Midwife, "Hoe zorgen we dat moeder na de bevalling voldoende steun krijgt?", ParentsJoin: true,
            FamilyView: new FamilyView("Rust in huis en een gezonde baby", "Oma helpt met de boodschappen", "Hulp bij het regelen van kraamzorg")));
        AddCase(mdo, new CaseDraft(
            "Gezin B", Social, "Wie neemt de regie nu de schuldhulp stopt?", FamilyView: new FamilyView(WhatTheyWant: "Minder instanties over de vloer")));
        AddCase(mdo, new CaseDraft("2026-017", Nurse, TimeBoxMinutes: 20));
        if (stage == MdoStage.Planned)
        {
            return mdo;
        }

        mdo.Start(Chair, T0);
        mdo.RecordGoal(Chair, "c1", "Moeder voelt zich gesteund in de eerste weken na de bevalling.");
        mdo.RecordDecisions(Chair, "c1", "Kraamzorg wordt uitgebreid.\nHet wijkteam sluit aan bij het eerste huisbezoek.");
        mdo.SetCaseLead(Chair, "c1", Midwife);
        var a1 = mdo.AddAction(Chair, "c1", Midwife, "Kraamzorg aanvragen voor 8 extra uren", Today.AddDays(7), At(5));
        var a2 = mdo.AddAction(Chair, "c1", Social, "Huisbezoek samen met de verloskundige", Today.AddDays(14), At(6));
        mdo.ConfirmAction(Midwife, a1.Id, At(8));
        mdo.DeclineAction(Social, a2.Id, "Geen capaciteit deze maand", At(10));
        if (stage == MdoStage.Running)
        {
            return mdo;
        }

        mdo.NextCase(Chair, At(18), "c1");
        if (stage == MdoStage.SecondCase)
        {
            return mdo;
        }

        mdo.Extend(Chair, 5, At(36), "c2");
        mdo.RecordGoal(Chair, "c2", "Eén vast aanspreekpunt voor het gezin.");
        mdo.SetCaseLead(Chair, "c2", Social);
        mdo.AddAction(Chair, "c2", Social, "Gezin uitnodigen voor een gesprek", Today.AddDays(10), At(38));
        var a4 = mdo.ReassignAction(Chair, a2.Id, Nurse, At(39));
        mdo.NextCase(Chair, At(41), "c2");
        var a5 = mdo.AddAction(Chair, "c3", Midwife, "Contact opnemen met de huisarts", Today.AddDays(5), At(45));
        mdo.DeclineAction(Midwife, a5.Id, "Ik ben dan met verlof", At(50));
        mdo.Close(Chair, At(55));
        mdo.ConfirmAction(Nurse, a4.Id, At(58));
        mdo.MarkActionDone(Midwife, a1.Id, At(59));
        return mdo;
    }

    /// <summary>An MDO with <paramref name="cases"/> cases with long texts, for the size checks.</summary>
    public static MdoMeeting Large(int cases, bool closed)
    {
        var mdo = MdoMeeting.Create("3f9a1c2b7d4e", "19:meeting_NjQ5ZTk0@thread.v2", "MDO Kansrijke Start — regio Noord, reeks 2026", Chair, T0.AddDays(-2), T0, At(240));
        for (var i = 1; i <= cases; i++)
        {
            AddCase(mdo, new CaseDraft(
                $"Gezin {i:00}-2026-NOORD", Members[i % Members.Count], new string('v', 200), ParentsJoin: i % 2 == 0, TimeBoxMinutes: 5,
                FamilyView: new FamilyView(new string('w', 150), new string('k', 150), new string('n', 150))));
        }

        if (closed)
        {
            mdo.Start(Chair, T0);
            foreach (var c in mdo.Cases.ToList())
            {
                mdo.RecordGoal(Chair, c.Id, new string('g', 120));
                mdo.SetCaseLead(Chair, c.Id, Nurse);
                mdo.AddAction(Chair, c.Id, Social, new string('a', 80), Today.AddDays(7), At(1));
                mdo.AddAction(Chair, c.Id, Midwife, new string('b', 80), Today.AddDays(7), At(1));
            }

            mdo.Close(Chair, At(200));
        }

        return mdo;
    }

    private static void AddCase(MdoMeeting mdo, CaseDraft draft) => mdo.AddCase(Chair, draft, mdo.AgendaVersion);
}
