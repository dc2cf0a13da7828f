using System.Text.Json.Nodes;
using MdoBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>
/// Redeliveries against the bounded inbox: the same answer within the window, a refusal (and no second
/// effect) once the window has been pruned, and a short "already processed" once erasure destroyed the answer.
/// </summary>
public sealed class InboxWindowTests : MeetingChatTest
{
    private JsonObject _addCase = null!;
    private string _firstAnswer = null!;

    protected override async Task ArrangeAsync()
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin W";
        add["question"] = "Venster zorgvraag Gezin W";
        _addCase = Chat.InvokeActivity(Chair, add, "add-case-1");
        var first = await App.PostAsync(_addCase);
        _firstAnswer = await first.Content.ReadAsStringAsync();
        Assert.Contains("Gezin W", _firstAnswer, StringComparison.Ordinal);
    }

    private int CaseCount() => JsonNode.Parse(App.MdoJson())!["cases"]!.AsArray().Count;

    [Fact]
    public async Task Redelivery_WithinWindow_SameAnswerNoSecondCase()
    {
        var again = await App.PostAsync(_addCase);

        Assert.Equal(_firstAnswer, await again.Content.ReadAsStringAsync());
        Assert.Equal(1, CaseCount());
    }

    [Fact]
    public async Task Redelivery_OlderThanPrunedWindow_RefusedAsTooOldAndChangesNothing()
    {
        App.Time.Advance(InboxPruner.Window + TimeSpan.FromHours(1));
        Assert.True(await App.Services.GetRequiredService<InboxPruner>().PruneNowAsync(CancellationToken.None) > 0);
        Assert.Equal(0, App.Query<long>("SELECT COUNT(*) FROM inbox WHERE activity_id = $p0", "add-case-1"));
        var before = App.StateCounts();
        var mdoBefore = App.MdoJson();

        var again = await App.PostAsync(_addCase); // stamped at its first delivery, a day ago

        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        var body = await again.JsonAsync();
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body!["type"]);
        Assert.Contains("te oud", (string?)body["value"], StringComparison.Ordinal);
        Assert.Equal(mdoBefore, App.MdoJson());
        Assert.Equal(before, App.StateCounts());

        // The same click made anew (stamped now) is carried out.
        var fresh = _addCase.DeepClone().AsObject();
        fresh["id"] = "add-case-2";
        fresh["timestamp"] = App.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var data = fresh["value"]!["action"]!["data"]!.AsObject();
        data["agendaVersion"] = (int)JsonNode.Parse(App.MdoJson())!["agendaVersion"]!;
        data["code"] = "Gezin X";
        await App.PostAsync(fresh);
        Assert.Equal(2, CaseCount());
    }

    [Fact]
    public async Task Redelivery_AfterErasure_AlreadyProcessedWithoutContent()
    {
        await Chat.SayAsync(Chair, "delete meeting");
        var confirm = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("erase.meeting"))).Card!;
        await Chat.InvokeAsync(Chair, ActionData(confirm, "erase.meeting"));
        var before = App.StateCounts();

        var again = await App.PostAsync(_addCase);

        var text = await again.Content.ReadAsStringAsync();
        Assert.Contains("al verwerkt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gezin W", text, StringComparison.Ordinal);
        Assert.Equal(before, App.StateCounts());
    }
}
