namespace MdoBot.Graph;

/// <summary>
/// Graph refused or cannot serve this app (401/403, a missing mailbox or meeting, no token): retrying
/// will not help, so callers skip the feature. The message and <see cref="Reason"/> never contain
/// personal data - only the operation, the status and Graph's error code.
/// </summary>
public sealed class GraphUnavailableException : Exception
{
    public GraphUnavailableException()
        : this("Graph", null, null, "Microsoft Graph is unavailable.")
    {
    }

    public GraphUnavailableException(string message)
        : this("Graph", null, null, message)
    {
    }

    public GraphUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "Graph";
        Reason = message;
    }

    public GraphUnavailableException(string operation, int? statusCode, string? errorCode, string reason, Exception? innerException = null)
        : base($"Graph {operation} unavailable: {reason}", innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Reason = reason;
    }

    public string Operation { get; }

    /// <summary>HTTP status Graph answered with; null when no request was made (e.g. no token).</summary>
    public int? StatusCode { get; }

    /// <summary>Graph's error code (e.g. <c>ErrorAccessDenied</c>), if any.</summary>
    public string? ErrorCode { get; }

    public string Reason { get; }
}

/// <summary>A Graph call failed after the bounded retries (5xx, 429 beyond the limit, network), or was rejected as invalid.</summary>
public sealed class GraphRequestFailedException : Exception
{
    public GraphRequestFailedException()
        : this("Graph", null, null, "The Microsoft Graph request failed.")
    {
    }

    public GraphRequestFailedException(string message)
        : this("Graph", null, null, message)
    {
    }

    public GraphRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "Graph";
        Reason = message;
    }

    public GraphRequestFailedException(string operation, int? statusCode, string? errorCode, string reason, Exception? innerException = null)
        : base($"Graph {operation} failed: {reason}", innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Reason = reason;
    }

    public string Operation { get; }

    /// <summary>Last HTTP status; null when no response arrived (network error, time-out).</summary>
    public int? StatusCode { get; }

    public string? ErrorCode { get; }

    public string Reason { get; }
}
