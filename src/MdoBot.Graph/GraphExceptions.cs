namespace MdoBot.Graph;

/// <summary>
/// A Graph call that did not succeed. The message and <see cref="Reason"/> never contain personal data — only the
/// operation, the status and Graph's error code.
/// </summary>
public abstract class GraphCallException : Exception
{
    protected GraphCallException(string operation, int? statusCode, string? errorCode, string reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Reason = reason;
    }

    public string Operation { get; }

    /// <summary>The HTTP status Graph answered with; null when no response arrived (no token, network error, time-out).</summary>
    public int? StatusCode { get; }

    /// <summary>Graph's error code (e.g. <c>ErrorAccessDenied</c>), if any.</summary>
    public string? ErrorCode { get; }

    public string Reason { get; }
}

/// <summary>
/// Graph refused or cannot serve this app (401/403, a missing mailbox or meeting, no token): retrying
/// will not help, so callers skip the feature.
/// </summary>
public sealed class GraphUnavailableException : GraphCallException
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
        : base("Graph", null, null, message, message, innerException)
    {
    }

    public GraphUnavailableException(string operation, int? statusCode, string? errorCode, string reason, Exception? innerException = null)
        : base(operation, statusCode, errorCode, reason, $"Graph {operation} unavailable: {reason}", innerException)
    {
    }
}

/// <summary>A Graph call failed after the bounded retries (5xx, 429 beyond the limit, network), or was rejected as invalid.</summary>
public sealed class GraphRequestFailedException : GraphCallException
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
        : base("Graph", null, null, message, message, innerException)
    {
    }

    public GraphRequestFailedException(string operation, int? statusCode, string? errorCode, string reason, Exception? innerException = null)
        : base(operation, statusCode, errorCode, reason, $"Graph {operation} failed: {reason}", innerException)
    {
    }
}
