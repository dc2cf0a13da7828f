using System.Text.Json;
using MdoBot.BotFramework.Configuration;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Auth;

/// <summary>Configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The Entra tenant ids MdoBot serves. Must not be empty outside development mode.</summary>
    public List<string> AllowedTenants { get; set; } = [];
}

/// <summary>Decides whether an activity's tenant is one MdoBot serves.</summary>
public sealed class TenantPolicy
{
    private readonly HashSet<string> _allowed;
    private readonly bool _open;

    public TenantPolicy(IOptions<SecurityOptions> security, IOptions<BotOptions> bot)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(bot);
        _allowed = new HashSet<string>(security.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()),
            StringComparer.OrdinalIgnoreCase);
        if (_allowed.Count == 0 && !bot.Value.IsDevelopmentMode)
        {
            throw new InvalidOperationException("Security:AllowedTenants must list the tenant ids MdoBot serves (an empty list is for development mode only).");
        }

        _open = _allowed.Count == 0;
    }

    public bool IsAllowed(Activity activity) => _open || (TenantOf(activity) is { } tenant && _allowed.Contains(tenant));

    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.TenantId is { Length: > 0 } t)
        {
            return t;
        }

        return activity.ChannelData is { ValueKind: JsonValueKind.Object } cd
            && cd.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
    }
}

/// <summary>
/// Answers a conversation of a tenant that is not served (the app words it); called instead of processing
/// the activity, so it must not store anything.
/// </summary>
public interface ITenantRefusal
{
    void Send(Activity activity);
}
