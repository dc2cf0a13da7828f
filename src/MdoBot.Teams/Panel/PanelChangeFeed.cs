using System.Collections.Concurrent;
using System.Threading.Channels;
using MdoBot.BotFramework.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.Panel;

/// <summary>The clock of the change feed's polling (real time, also when tests drive MDO time by hand).</summary>
public sealed record PanelPollClock(TimeProvider Time);

/// <summary>
/// Tells open panels that their MDO changed. One loop reads the stored version of every MDO that has an open
/// panel (one indexed read per MDO per <see cref="PanelOptions.PollInterval"/>), so a change committed by any
/// instance sharing the database — card click, typed command, timer, panel — is seen; a change made through this
/// instance's panel wakes the loop at once.
/// </summary>
public sealed partial class PanelChangeFeed(IStore store, PanelPollClock clock, IOptions<PanelOptions> options, ILogger<PanelChangeFeed> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly BotFramework.Hosting.WorkSignal _wake = new();

    /// <summary>Starts watching an MDO as seen at <paramref name="version"/>; dispose to stop.</summary>
    public Subscription Subscribe(string mdoId, long version)
    {
        var subscription = new Subscription(this, mdoId);
        _watches.AddOrUpdate(mdoId, _ => new Watch(version, subscription), (_, w) => w.Add(subscription));
        return subscription;
    }

    /// <summary>Checks the watched MDOs now (after a change made through this instance).</summary>
    public void Poke() => _wake.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(options.Value.PollInterval, clock.Time, stoppingToken);
            foreach (var (mdoId, watch) in _watches)
            {
                try
                {
                    var version = (await store.GetDocumentAsync(MdoRepository.Kind, mdoId, stoppingToken))?.Version ?? -1;
                    watch.Observe(version);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPollFailed(logger, ex.GetType().Name);
                }
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_watches.TryGetValue(subscription.MdoId, out var watch) && watch.Remove(subscription))
        {
            _watches.TryRemove(new KeyValuePair<string, Watch>(subscription.MdoId, watch));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel change poll failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string error);

    /// <summary>One open stream's interest in one MDO; <see cref="Changed"/> yields after each new version.</summary>
    public sealed class Subscription(PanelChangeFeed feed, string mdoId) : IDisposable
    {
        private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public string MdoId { get; } = mdoId;

        public ChannelReader<bool> Changed => _changed.Reader;

        internal void Notify() => _changed.Writer.TryWrite(true);

        public void Dispose() => feed.Remove(this);
    }

    private sealed class Watch(long version, Subscription first)
    {
        private readonly Lock _gate = new();
        private readonly List<Subscription> _subscribers = [first];
        private long _version = version;

        public Watch Add(Subscription s)
        {
            lock (_gate)
            {
                _subscribers.Add(s);
            }

            return this;
        }

        /// <summary>Removes a subscriber; true when none is left.</summary>
        public bool Remove(Subscription s)
        {
            lock (_gate)
            {
                _subscribers.Remove(s);
                return _subscribers.Count == 0;
            }
        }

        public void Observe(long version)
        {
            Subscription[] notify;
            lock (_gate)
            {
                if (version == _version)
                {
                    return;
                }

                _version = version;
                notify = [.. _subscribers];
            }

            foreach (var s in notify)
            {
                s.Notify();
            }
        }
    }
}
