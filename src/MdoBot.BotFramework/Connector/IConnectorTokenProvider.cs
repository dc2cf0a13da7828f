namespace MdoBot.BotFramework.Connector;

/// <summary>Supplies the bearer token for outbound Bot Connector calls.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>Returns the access token, or null when calls go out without one (development mode).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}
