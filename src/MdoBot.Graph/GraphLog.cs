using Microsoft.Extensions.Logging;

namespace MdoBot.Graph;

/// <summary>
/// Log events of the Graph client. They carry the operation, status codes, Graph error codes and
/// attempt counts only - never addresses, subjects, bodies, meeting URLs or names.
/// </summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Graph not configured: attendance skipped")]
    public static partial void AttendanceNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Graph {Operation} succeeded ({Format})")]
    public static partial void MailSent(ILogger logger, string operation, string format);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning,
        Message = "Graph {Operation} unavailable: status {StatusCode}, error code {ErrorCode}; not retried")]
    public static partial void Unavailable(ILogger logger, string operation, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error,
        Message = "Graph {Operation} failed: status {StatusCode}, error code {ErrorCode}")]
    public static partial void Failed(ILogger logger, string operation, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Graph {Operation} got no response ({Reason})")]
    public static partial void NoResponse(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning,
        Message = "Graph {Operation} throttled with Retry-After {RetryAfter}, above the limit {Limit}; giving up")]
    public static partial void RetryAfterTooLong(ILogger logger, string operation, TimeSpan retryAfter, TimeSpan limit);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information,
        Message = "Graph {Operation}: {Count} attendance record(s) read")]
    public static partial void AttendanceRead(ILogger logger, string operation, int count);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Graph {Operation}: nothing found; attendance skipped")]
    public static partial void AttendanceNotFound(ILogger logger, string operation);
}
