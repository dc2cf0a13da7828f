using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// The closed loop: N keep-alive connections, each sending its next request as soon as the answer
/// is read. Connection w presses the buttons of conversations w, w+N, w+2N… in turn, so the clicks
/// are spread evenly and no two requests of one conversation are in flight together. A warm-up
/// first (not measured), then all requests finish, the stored work is counted, and the measured
/// window runs on the same connections; every request of the window counts, including the last
/// ones that end just after it.
/// </summary>
public static class HotLoad
{
    private static long _seq;

    public static async Task<RunStats> RunAsync(
        HotTarget target, int connections, int round, TimeSpan warmup, TimeSpan duration, IReadOnlyList<int> startedPids, CancellationToken ct)
    {
        var runId = $"hp{Environment.ProcessId}-{DateTime.UtcNow:HHmmss}-{round}-{target.Kind}";
        var workers = new Worker[connections];
        for (var w = 0; w < connections; w++)
        {
            var chats = target.Templates.Length;
            var mine = connections <= chats
                ? Enumerable.Range(0, chats).Where(c => c % connections == w).ToArray()
                : [w % chats];
            workers[w] = new Worker(await RawHttpConnection.ConnectAsync(target.Endpoint, ct), mine, target.Templates.Max(t => t.MaxLength));
        }

        try
        {
            var errors = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var samples = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.LoopAsync(target, runId, Deadline(warmup), record: false, errors, samples, ct), ct)));
            var warmupErrors = errors.Values.Sum();
            var before = await target.CountWorkAsync(ct);
            var cpu = CpuWindow.Start(target.Pid, startedPids);
            errors.Clear();
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.LoopAsync(target, runId, Deadline(duration), record: true, errors, samples, ct), ct)));
            var seconds = Math.Max(1e-3, Stopwatch.GetElapsedTime(start).TotalSeconds);
            var share = cpu.Stop(seconds);
            var after = await target.CountWorkAsync(ct);
            var ok = workers.Sum(w => w.Ok);
            var stats = LatencyStats.Of(workers.SelectMany(w => w.Latencies), seconds);
            return new RunStats(target.Name, target.Kind, connections, round, Math.Round(seconds, 2), ok, errors.Values.Sum(),
                errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), Math.Round(ok / seconds, 1), stats.P50, stats.P99, stats.Max,
                before, after, after - before, after - before == ok, share)
            {
                WarmupErrors = warmupErrors,
                AnswerBytes = workers.Max(w => w.AnswerBytes),
                ErrorSamples = samples.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            };
        }
        finally
        {
            foreach (var w in workers)
            {
                w.Connection.Dispose();
            }
        }
    }

    private static long Deadline(TimeSpan span) => Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);

    private sealed class Worker(RawHttpConnection connection, int[] chats, int bufferSize)
    {
        private readonly byte[] _request = new byte[bufferSize];
        private int _next;

        public RawHttpConnection Connection { get; private set; } = connection;

        public long Ok { get; private set; }

        public int AnswerBytes { get; private set; }

        public List<double> Latencies { get; } = new(8192);

        public async Task LoopAsync(
            HotTarget target, string runId, long deadline, bool record, ConcurrentDictionary<string, long> errors, ConcurrentDictionary<string, string> samples, CancellationToken ct)
        {
            Ok = 0;
            Latencies.Clear();
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var chat = chats[_next++ % chats.Length];
                var length = target.Templates[chat].Write(_request, runId, Interlocked.Increment(ref _seq));
                var t0 = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    var (status, body) = await Connection.SendAsync(_request.AsMemory(0, length), ct);
                    error = status != 200 ? $"HTTP {status}" : InvokeBody.IsAdaptiveCard(body.Span) ? null : "200 but not an Adaptive Card response";
                    AnswerBytes = error is null ? body.Length : AnswerBytes;
                    if (error is not null && !samples.ContainsKey(error))
                    {
                        samples.TryAdd(error, System.Text.Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 400)]));
                    }
                }
                catch (Exception ex) when (ex is IOException or SocketException)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                    Connection.Dispose();
                    Connection = await RawHttpConnection.ConnectAsync(target.Endpoint, ct);
                }

                if (error is not null)
                {
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
                    continue;
                }

                Ok++;
                if (record)
                {
                    Latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
            }
        }
    }
}

/// <summary>One measured run of one target: throughput, latency, errors, verified work, CPU.</summary>
public sealed record RunStats(
    string Target, string Kind, int Connections, int Round, double Seconds, long Ok, long Errors, Dictionary<string, long> ErrorKinds,
    double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs, long WorkBefore, long WorkAfter, long WorkDone, bool WorkVerified, CpuShare Cpu)
{
    public long WarmupErrors { get; init; }

    /// <summary>Size of the (last) successful answer body.</summary>
    public int AnswerBytes { get; init; }

    /// <summary>The start of the first answer of each error kind.</summary>
    public Dictionary<string, string> ErrorSamples { get; init; } = [];

    /// <summary>Seconds MdoBot needed after the run until its outbox was empty (MdoBot targets only).</summary>
    public double? OutboxDrainSeconds { get; set; }
}
