using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Auth;

/// <summary>Source-generated log messages for inbound authentication. Never pass token content.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Fetching Bot Framework OpenID metadata from {MetadataUrl} failed")]
    public static partial void MetadataFetchFailed(ILogger logger, Uri metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Loaded {KeyCount} Bot Framework signing keys ({Trigger})")]
    public static partial void KeysRefreshed(ILogger logger, int keyCount, string trigger);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Rejected inbound request with {StatusCode}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Bot Framework signing keys are unavailable; rejecting inbound request")]
    public static partial void KeysUnavailable(ILogger logger, Exception exception);
}
