using MdoBot.Testing;
using MdoBot.BotFramework.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MdoBot.Teams.Tests.Connector;

internal sealed class StaticTokenProvider(string? token) : IConnectorTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult(token);
}

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);

internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries.Add(new LogEntry(logLevel, eventId, formatter(state, exception), exception));
        }
    }
}

internal static class ConnectorTestKit
{
    public static ConnectorOptions Options(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromMinutes(10), // longer than any test advances the clock
    };

    public static ConnectorClient CreateClient(
        TestClock clock,
        ConnectorOptions? options = null,
        IConnectorTokenProvider? tokens = null,
        ILogger<ConnectorClient>? logger = null) =>
        new(
            new HttpClient(new SocketsHttpHandler { UseProxy = false }),
            tokens ?? new StaticTokenProvider(null),
            new ConversationRateLimiter(clock),
            Microsoft.Extensions.Options.Options.Create(options ?? Options()),
            clock,
            logger ?? NullLogger<ConnectorClient>.Instance);
}
