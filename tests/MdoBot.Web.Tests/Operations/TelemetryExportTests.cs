using System.Text;
using MdoBot.Testing;

namespace MdoBot.Web.Tests.Operations;

/// <summary>
/// With the standard OTEL_EXPORTER_OTLP_* settings, a turn's span and MdoBot's metrics reach a local OTLP/HTTP
/// collector (protobuf), and nothing personal from the activity appears anywhere in what is exported.
/// </summary>
public sealed class TelemetryExportTests : IAsyncLifetime
{
    private const string PersonName = "Sanne de Vries";
    private const string UserId = "29:1sanne-private-user-id";
    private const string AadObjectId = "5d1f0c3e-8a4b-4f6e-9c2d-7b8a9e0f1a2b";
    private const string ConversationId = "19:mdo-groep-5b-private@thread.v2";
    private const string Text = "Gezin-Jansen-4711 heeft schulden";

    private FakeOtlpCollector _collector = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _collector = await FakeOtlpCollector.StartAsync();
        _app = await BotApp.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task A_turns_span_and_the_metrics_arrive_without_personal_data()
    {
        var activity = _app.Fixture("groupchat-message-mention");
        activity["text"] = "<at>Test Bot</at> " + Text;
        activity["from"]!["id"] = UserId;
        activity["from"]!["name"] = PersonName;
        activity["from"]!["aadObjectId"] = AadObjectId;
        activity["conversation"]!["id"] = ConversationId;
        var response = await _app.PostAsync(activity);
        response.EnsureSuccessStatusCode();
        await _app.Connector.WaitForAsync(c => c.ConversationId == ConversationId);

        string[] metrics = ["mdobot.turn.duration", "mdobot.commit.duration", "mdobot.outbox.pending", "mdobot.outbox.oldest_age", "mdobot.outbox.dead_letters"];
        await _collector.WaitUntilAsync(c =>
            c.Spans.Any(s => s.Name == "mdobot.turn" && s.Attributes.GetValueOrDefault("mdobot.activity_type") == "message")
            && c.Spans.Any(s => s.Name == "mdobot.commit")
            && c.Spans.Any(s => s.Attributes.GetValueOrDefault("url.full") is { } url && url.EndsWith("/{id}/v3/conversations/{id}/activities", StringComparison.Ordinal))
            && metrics.All(m => c.Metrics.Any(x => x.Name == m)));

        var turn = _collector.Spans.First(s => s.Name == "mdobot.turn" && s.Attributes.GetValueOrDefault("mdobot.activity_type") == "message");
        Assert.Equal("committed", turn.Attributes["mdobot.outcome"]);
        Assert.Contains(_collector.Metrics, m => m.Name == "mdobot.turn.duration"
            && m.PointAttributes.Any(p => p.GetValueOrDefault("mdobot.activity_type") == "message"));

        // No attribute, name or resource value in any export request holds the activity's personal data.
        foreach (var secret in new[] { PersonName, UserId, AadObjectId, ConversationId, Text, "Gezin-Jansen", "1570ac19-9e6e-4dfa-8e22-6cf4037bd905" })
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            Assert.False(_collector.Bodies.Any(body => body.AsSpan().IndexOf(bytes) >= 0), $"'{secret}' was exported");
        }
    }
}
