using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static MdoBot.Testing.ProtobufReader;

namespace MdoBot.Testing;

/// <summary>
/// A local OTLP/HTTP collector (protobuf): accepts <c>POST /v1/traces</c> and <c>/v1/metrics</c> as the
/// OpenTelemetry exporter sends them, and keeps the decoded span and metric names, every attribute and the
/// raw request bodies (to search them for data that must not be there).
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly LocalHttpServer _server;
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeOtlpCollector(LocalHttpServer server) => _server = server;

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (no trailing slash).</summary>
    public string Endpoint => _server.BaseUrl.TrimEnd('/');

    public ConcurrentQueue<Span> Spans { get; } = new();

    public ConcurrentQueue<Metric> Metrics { get; } = new();

    /// <summary>Every export request body as received.</summary>
    public ConcurrentQueue<byte[]> Bodies { get; } = new();

    public sealed record Span(string Name, IReadOnlyDictionary<string, string> Attributes);

    public sealed record Metric(string Name, IReadOnlyList<IReadOnlyDictionary<string, string>> PointAttributes);

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        FakeOtlpCollector? self = null;
        var server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapPost("/v1/traces", (HttpRequest request) => self!.ReceiveAsync(request, self.ReadTraces));
            app.MapPost("/v1/metrics", (HttpRequest request) => self!.ReceiveAsync(request, self.ReadMetrics));
        });
        self = new FakeOtlpCollector(server);
        return self;
    }

    /// <summary>Waits (real time, bounded: the exporter batches on its own clock) until <paramref name="done"/> holds.</summary>
    public async Task WaitUntilAsync(Func<FakeOtlpCollector, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done(this))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException("Telemetry did not arrive. Spans: " + string.Join(", ", Spans.Select(s => s.Name).Distinct())
                    + "; client URLs: " + string.Join(", ", Spans.Select(s => s.Attributes.GetValueOrDefault("url.full")).Distinct())
                    + "; metrics: " + string.Join(", ", Metrics.Select(m => m.Name).Distinct()));
            }
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, Action<ReadOnlyMemory<byte>> read)
    {
        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(415);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        Bodies.Enqueue(body);
        read(body);
        _arrived.Release();
        return Results.Bytes([], "application/x-protobuf"); // an empty Export*ServiceResponse: all accepted
    }

    // ExportTraceServiceRequest: 1 resource_spans { 2 scope_spans { 2 spans { 5 name, 9 attributes } } }
    private void ReadTraces(ReadOnlyMemory<byte> body)
    {
        foreach (var span in Messages(body, 1).SelectMany(r => Messages(r, 2)).SelectMany(s => Messages(s, 2)))
        {
            Spans.Enqueue(new Span(String(span, 5) ?? "", Attributes(span, 9)));
        }
    }

    // ExportMetricsServiceRequest: 1 resource_metrics { 2 scope_metrics { 2 metrics { 1 name,
    //   5 gauge / 7 sum { 1 data_points { 7 attributes } }, 9 histogram { 1 data_points { 9 attributes } } } } }
    private void ReadMetrics(ReadOnlyMemory<byte> body)
    {
        foreach (var metric in Messages(body, 1).SelectMany(r => Messages(r, 2)).SelectMany(s => Messages(s, 2)))
        {
            var points = Messages(metric, 5).Concat(Messages(metric, 7)).SelectMany(d => Messages(d, 1)).Select(p => Attributes(p, 7))
                .Concat(Messages(metric, 9).SelectMany(d => Messages(d, 1)).Select(p => Attributes(p, 9)))
                .ToList();
            Metrics.Enqueue(new Metric(String(metric, 1) ?? "", points));
        }
    }

    // KeyValue { 1 key, 2 AnyValue { 1 string, 2 bool, 3 int, 4 double, ... } }
    private static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int number)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var kv in Messages(message, number))
        {
            var key = String(kv, 1) ?? "";
            var value = Messages(kv, 2).Select(v => Fields(v).FirstOrDefault()).FirstOrDefault();
            attributes[key] = value.WireType == 2 ? value.Text : value.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return attributes;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _arrived.Dispose();
    }
}
