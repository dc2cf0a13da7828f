using System.Diagnostics.Metrics;
using MdoBot.BotFramework.Diagnostics;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Delivery;

/// <summary>
/// A permanent failure (404: the meeting chat is gone) parks the message as a dead letter with its status and
/// reason and without its content, counts it in <c>mdobot.outbox.dead_letters</c>, tells the MDO's chair once in
/// their 1:1 chat (no card content), lets the chat's next message through, and all of it survives a restart.
/// </summary>
public sealed class DeadLetterTests : IAsyncLifetime
{
    private const string NoticeText = "kon niet worden bezorgd";
    private BotApp _app = null!;

    public async Task InitializeAsync() => _app = await BotApp.StartAsync(DeliveryKit.NoConnectorRetries());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NotFound_ParkedWithReason_Counted_ChairToldOnce_NextMessageDelivered_SurvivesRestart()
    {
        var chat = await _app.InstalledChatAsync("19:meeting_gone@thread.v2", "MCMxOTptZWV0aW5nX2dvbmU");
        await new MdoScenario(_app, chat).OpenEditorAsync();
        await _app.DrainAsync();
        var counted = new List<(string Reason, int Status)>();
        using var listener = Listen(counted);
        var sendsBefore = _app.Sends(chat.ConversationId);

        _app.Connector.FailNext.Enqueue(404);
        await chat.SayAsync(Chair, "hulp");
        await chat.SayAsync(Chair, "hulp");
        var personal = "a:personal-" + Chair.Id;
        var notice = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == personal && IsNotice(c));
        await _app.DrainAsync();

        Assert.Equal("1 bericht van MdoBot kon niet worden bezorgd in de chat van het MDO: de chat of het bericht bestaat niet meer.", notice.Title);
        Assert.Equal(sendsBefore + 1, _app.Sends(chat.ConversationId)); // the second answer went out after the parked one
        Assert.Equal(1, _app.DeadLetters());
        Assert.Equal(1L, _app.Query<long>(
            "SELECT COUNT(*) FROM outbox WHERE failed = 1 AND dead_status = 404 AND dead_reason = 'not-found' AND reported = 1 AND activity_json = ''"));
        Assert.Contains(("not-found", 404), counted);

        await _app.RestartAsync();
        await chat.SayAsync(Chair, "hulp");
        await DeliveryKit.WaitUntilAsync(() => _app.Sends(chat.ConversationId) == sendsBefore + 2, "an answer after the restart");
        await _app.DrainAsync();
        Assert.Equal(1, _app.DeadLetters());
        Assert.Single(_app.Connector.Calls, IsNotice);
    }

    [Fact]
    public async Task ParkedButNotReportedWhenTheProcessStopped_ChairToldAfterTheRestart()
    {
        var chat = await _app.InstalledChatAsync("19:meeting_crash@thread.v2", "MCMxOTptZWV0aW5nX2NyYXNo");
        await new MdoScenario(_app, chat).OpenEditorAsync();
        await _app.DrainAsync();
        _app.Connector.FailNext.Enqueue(403);
        await chat.SayAsync(Chair, "hulp");
        await _app.Connector.WaitForAsync(IsNotice);
        await _app.DrainAsync();

        // As if the process had died between parking and reporting: the letter is unreported again.
        await _app.RestartAsync(() => Execute("UPDATE outbox SET reported = 0 WHERE failed = 1"));
        await DeliveryKit.WaitUntilAsync(() => _app.Connector.Calls.Count(IsNotice) == 2, "the notice after the restart");
        await _app.DrainAsync();
        Assert.Equal(0L, _app.Query<long>("SELECT COUNT(*) FROM outbox WHERE reported = 0"));
        Assert.Contains("verwijderd of geblokkeerd", _app.Connector.Calls.Last(IsNotice).Title, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static bool IsNotice(MdoBot.Testing.RecordedCall c) => c.Kind == "send" && c.Title?.Contains(NoticeText, StringComparison.Ordinal) == true;

    private static MeterListener Listen(List<(string Reason, int Status)> counted)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BotTelemetry.Name && instrument.Name == "mdobot.outbox.dead_letters")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? reason = null;
            var status = -1;
            foreach (var tag in tags)
            {
                (reason, status) = tag.Key switch
                {
                    "mdobot.reason" => ((string?)tag.Value, status),
                    "mdobot.status" => (reason, (int)tag.Value!),
                    _ => (reason, status),
                };
            }

            lock (counted)
            {
                counted.Add((reason ?? "", status)); // other test classes may count dead letters of their own at the same time
            }
        });
        listener.Start();
        return listener;
    }
}
