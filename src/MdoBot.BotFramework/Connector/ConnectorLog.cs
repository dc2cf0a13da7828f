using Microsoft.Extensions.Logging;

namespace MdoBot.BotFramework.Connector;

/// <summary>
/// Log events of the Bot Connector client. They carry the operation name, status codes and
/// attempt counts only - never activity text, ids of people, or response bodies.
/// </summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Error,
        Message = "Bot Connector {Operation} gave up after {Attempts} attempt(s); last status {StatusCode}")]
    public static partial void RetriesExhausted(ILogger logger, string operation, int attempts, int statusCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "Bot Connector {Operation} failed with status {StatusCode}")]
    public static partial void RequestFailed(ILogger logger, string operation, int statusCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "Bot Connector {Operation} got no response after {Attempts} attempt(s) ({Reason})")]
    public static partial void NoResponse(ILogger logger, string operation, int attempts, string reason, Exception exception);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error,
        Message = "Bot Connector {Operation} returned a body that is not valid JSON (status {StatusCode})")]
    public static partial void InvalidResponse(ILogger logger, string operation, int statusCode);
}
