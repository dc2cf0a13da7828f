using System.Diagnostics.Metrics;
using MdoBot.BotFramework.Diagnostics;

namespace MdoBot.Web.Tests.Operations;

/// <summary>429 answers are counted per service; URLs on outgoing spans keep no ids, mailboxes or query.</summary>
public sealed class ThrottlingMetricTests
{
    [Fact]
    public void A_429_is_counted_by_the_service_that_sent_it_and_other_answers_are_not()
    {
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BotTelemetry.Name && instrument.Name == "mdobot.throttled")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "mdobot.service")
                {
                    counted.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();

        // (Other test classes running at the same time may count connector 429s of their own fake connector.)
        HttpRedaction.CountThrottling(Answer(503, "https://graph.microsoft.com/v1.0/users/x/sendMail"), "graph.microsoft.com");
        Assert.DoesNotContain("graph", counted);
        HttpRedaction.CountThrottling(Answer(429, "https://graph.microsoft.com/v1.0/users/x/sendMail"), "graph.microsoft.com");
        Assert.Single(counted, "graph");
        HttpRedaction.CountThrottling(Answer(429, "https://smba.trafficmanager.net/emea/v3/conversations/a/activities"), "graph.microsoft.com");
        Assert.Contains("connector", counted);
    }

    [Theory]
    [InlineData("/v1.0/users/sanne@example.org/sendMail", "/v1.0/users/{id}/sendMail")]
    [InlineData("/emea/v3/conversations/19:meeting_abc@thread.v2/activities/1:2x", "/emea/v3/conversations/{id}/activities/{id}")]
    [InlineData("/v1.0/users/5d1f0c3e-8a4b-4f6e-9c2d-7b8a9e0f1a2b/onlineMeetings", "/v1.0/users/{id}/onlineMeetings")]
    public void Outgoing_urls_keep_only_fixed_words(string path, string expected) =>
        Assert.Equal(expected, HttpRedaction.RedactPath(path));

    private static HttpResponseMessage Answer(int status, string url) =>
        new((System.Net.HttpStatusCode)status) { RequestMessage = new HttpRequestMessage(HttpMethod.Post, url) };
}
