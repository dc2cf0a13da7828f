namespace MdoBot.EndToEnd.Tests.Crash;

/// <summary>Where, relative to one delivery, MdoBot is killed.</summary>
internal enum KillKind
{
    /// <summary>Before the delivery is sent (MdoBot idle, or still posting the previous step's cards).</summary>
    BetweenSteps,

    /// <summary>The delivery is sent and MdoBot is killed <see cref="KillPoint.DelayMs"/> ms later, answered or not.</summary>
    InFlight,

    /// <summary><see cref="KillPoint.DelayMs"/> ms after MdoBot acknowledged the delivery (while it posts the step's cards).</summary>
    AfterAck,

    /// <summary>The moment the connector has accepted MdoBot's next message post, before MdoBot hears back.</summary>
    ConnectorAccepted,
}

internal sealed record KillPoint(KillKind Kind, int DelayMs = 0)
{
    public override string ToString() => Kind is KillKind.InFlight or KillKind.AfterAck ? $"{Kind}+{DelayMs}ms" : Kind.ToString();
}

/// <summary>The seeded choice of kill points for each step of the script.</summary>
internal static class KillPlan
{
    /// <summary>
    /// One or two kill points per step (sometimes none), at least <paramref name="minimum"/> in all: a third
    /// between steps, half while the delivery is in flight (0–50 ms after it was sent), the rest just after the answer.
    /// </summary>
    public static List<Queue<KillPoint>> Make(Random random, int steps, int minimum)
    {
        var plan = Enumerable.Range(0, steps).Select(_ => new Queue<KillPoint>()).ToList();
        foreach (var queue in plan)
        {
            var roll = random.NextDouble();
            var count = roll < 0.1 ? 0 : roll < 0.6 ? 1 : 2;
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(Pick(random));
            }
        }

        while (plan.Sum(q => q.Count) < minimum)
        {
            plan[random.Next(steps)].Enqueue(Pick(random));
        }

        return plan;
    }

    private static KillPoint Pick(Random random)
    {
        var roll = random.NextDouble();
        return roll < 0.25 ? new KillPoint(KillKind.BetweenSteps)
            : roll < 0.75 ? new KillPoint(KillKind.InFlight, random.Next(0, 51))
            : new KillPoint(KillKind.AfterAck, random.Next(0, 51));
    }
}
