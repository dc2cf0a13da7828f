namespace MdoBot.BotFramework.Configuration;

/// <summary>
/// Configuration section <c>TurnBudget</c>: how long a turn waits for each outside dependency before it answers
/// "not reachable right now". Together they stay well under the ~15 s Teams allows an invoke: with the defaults a
/// turn that needs all four waits at most 2 + 2 + 2 + 4 = 10 s.
/// </summary>
public sealed class TurnBudgetOptions
{
    public const string Section = "TurnBudget";

    /// <summary>Upper bound of the four budgets together (a turn may need each of them once).</summary>
    public static readonly TimeSpan MaxTotal = TimeSpan.FromSeconds(12);

    /// <summary>Getting the Entra token for Bot Connector calls (cached; only a refresh waits).</summary>
    public TimeSpan ConnectorToken { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Reading the conversation's members (<c>GET v3/conversations/{id}/members</c>), retries included.</summary>
    public TimeSpan Members { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Reading a meeting participant's role (<c>GET v1/meetings/{id}/participants/{user}</c>), retries included.</summary>
    public TimeSpan MeetingParticipant { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Microsoft Graph call made while the user waits (sending the parents' feedback e-mail), token included.</summary>
    public TimeSpan Graph { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Returns a description of what is wrong, or null when the options are usable.</summary>
    public string? Validate()
    {
        foreach (var (name, value) in new[] { ("ConnectorToken", ConnectorToken), ("Members", Members), ("MeetingParticipant", MeetingParticipant), ("Graph", Graph) })
        {
            if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromSeconds(10))
            {
                return $"TurnBudget:{name} must be between 10 ms and 10 s.";
            }
        }

        return ConnectorToken + Members + MeetingParticipant + Graph > MaxTotal
            ? $"TurnBudget: ConnectorToken + Members + MeetingParticipant + Graph must not exceed {MaxTotal.TotalSeconds:0} s (Teams gives up on an invoke after about 15 s)."
            : null;
    }
}
