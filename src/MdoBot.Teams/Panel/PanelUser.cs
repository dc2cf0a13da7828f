namespace MdoBot.Teams.Panel;

/// <summary>The person behind a panel request: their Entra tenant and object id (from the SSO token).</summary>
public sealed record PanelUser(string TenantId, string ObjectId, string? Name);

/// <summary>The outcome of checking a panel request's token; <see cref="Reason"/> is a fixed phrase, never token content.</summary>
public sealed record PanelAuthResult(PanelUser? User, string? Reason)
{
    public static PanelAuthResult Ok(PanelUser user) => new(user, null);

    public static PanelAuthResult Refused(string reason) => new(null, reason);
}
