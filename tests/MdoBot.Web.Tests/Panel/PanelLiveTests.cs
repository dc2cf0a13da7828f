using System.Diagnostics;
using System.Text.Json.Nodes;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>The Server-Sent Events stream: every stored change reaches an open panel within a second.</summary>
public sealed class PanelLiveTests : IAsyncLifetime
{
    private PanelApp _panel = null!;

    public async Task InitializeAsync() => _panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task Stream_CardClickOrTypedCommand_ReachesOpenPanelWithinOneSecond()
    {
        await using var stream = await PanelStream.OpenAsync(_panel, Social);
        var first = await stream.NextAsync("state");
        Assert.Equal("Gezin A", (string?)first["current"]!["code"]);

        var clock = Stopwatch.StartNew();
        await _panel.Chat.InvokeAsync(Chair, ActionData(_panel.CaseCard, "mdo.extend"));
        var extended = await stream.NextAsync("state");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"card click took {clock.Elapsed}");
        Assert.Equal(25, (int)extended["current"]!["minutes"]!);

        clock.Restart();
        await _panel.Chat.SayAsync(Chair, "volgende");
        var next = await stream.NextAsync("state");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"typed command took {clock.Elapsed}");
        Assert.Equal("Gezin B", (string?)next["current"]!["code"]);
    }

    [Fact]
    public async Task Stream_ManualClockAdvanced_SendsTheNewServerTime()
    {
        await using var stream = await PanelStream.OpenAsync(_panel, Social);
        await stream.NextAsync("state");

        _panel.App.Time.Advance(TimeSpan.FromMinutes(16));
        var expected = _panel.App.Time.GetUtcNow();

        // The stream sends the clock's time every 200 ms of real time (PanelApp's setting): the new time arrives.
        var time = await stream.NextAsync("time", t => DateTimeOffset.Parse((string)t["serverNow"]!, System.Globalization.CultureInfo.InvariantCulture) == expected);
        Assert.NotNull(time);
    }

    [Fact]
    public async Task Stream_StageView_NeverCarriesCareText()
    {
        await using var stream = await PanelStream.OpenAsync(_panel, Social, stage: true);

        var state = await stream.NextAsync("state");

        Assert.Null((string?)state["current"]!["question"]);
        Assert.Null((string?)state["current"]!["sharedGoal"]);
        Assert.Empty(state["current"]!["actions"]!.AsArray());
    }
}

/// <summary>An open <c>events</c> stream read as the page reads it.</summary>
internal sealed class PanelStream(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public static async Task<PanelStream> OpenAsync(PanelApp panel, (string Id, string Name) user, bool stage = false)
    {
        var request = panel.Request(HttpMethod.Get, panel.EventsPath + (stage ? "?view=stage" : ""), panel.TokenFor(user));
        var response = await panel.App.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new PanelStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The data of the next event with this name (others are skipped); bounded by 10 s of real time.</summary>
    public async Task<JsonNode> NextAsync(string name, Func<JsonNode, bool>? match = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? eventName = null;
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == name
                && JsonNode.Parse(line[6..]) is { } data && (match?.Invoke(data) ?? true))
            {
                return data;
            }
        }

        throw new InvalidOperationException("stream ended");
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
