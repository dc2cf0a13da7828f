using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MdoBot.Web.Tests.Security;

/// <summary>One captured log call: the formatted message, the structured state and scope values, and the exception text.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string State, string Scopes, Exception? Exception)
{
    /// <summary>Everything this entry would put into a log sink, as one string.</summary>
    public string AllText => $"{Category} [{Level}] {EventId} {Message} | {State} | {Scopes} | {Exception}";

    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : " — " + Exception.GetType().Name + ": " + Exception.Message)}";
}

/// <summary>
/// A logger provider that keeps every entry MdoBot writes (add it with
/// <c>services.AddSingleton&lt;ILoggerProvider&gt;(capture)</c>). The host's filter rules decide the levels.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Entries at Error or above that carry an exception, or that report an unhandled one (also a background loop's).</summary>
    public IReadOnlyList<LogEntry> Failures() =>
    [
        .. _entries.Where(e => e.Level >= LogLevel.Error
            && (e.Exception is not null
                || e.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("loop error", StringComparison.OrdinalIgnoreCase))),
    ];

    public void Dispose()
    {
    }

    private void Add(LogEntry entry) => _entries.Enqueue(entry);

    private string ScopeText()
    {
        if (_scopes is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        _scopes.ForEachScope((scope, sb) => Append(sb, scope), text);
        return text.ToString();
    }

    private static void Append(StringBuilder sb, object? value)
    {
        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, v) in pairs)
            {
                sb.Append(key).Append('=').Append(v).Append("; ");
            }
        }

        sb.Append(value).Append(" || ");
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null; // scopes come from the factory's external scope provider

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var stateText = new StringBuilder();
            Append(stateText, state);
            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), stateText.ToString(), owner.ScopeText(), exception));
        }
    }
}
