using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>Dutch words for the commands, and the hint for an @name typed by hand instead of picked from Teams' list.</summary>
public sealed class DutchCommandTests : IAsyncLifetime
{
    private BotApp _app = null!;
    private MeetingChat _chat = null!;

    public async Task InitializeAsync()
    {
        _app = await BotApp.StartAsync();
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        await _chat.InstallAsync();
        await _chat.SayAsync(Chair, "agenda");
        var editor = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var data = ActionData(editor, "agenda.addCase");
        data["code"] = "Gezin A";
        await _chat.InvokeAsync(Chair, data);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("starten")]
    [InlineData("begin")]
    [InlineData("beginnen")]
    public async Task Start_DutchWord_StartsTheMdo(string word)
    {
        await _chat.SayAsync(Chair, word);

        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin A"));
        Assert.Contains("\"Running\"", _app.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_PlainTypedAt_HintSaysPickTheNameFromTeamsList()
    {
        await _chat.SayAsync(Chair, "starten");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
        var before = _app.MdoJson();

        await _chat.SayAsync(Chair, "actie @Bram belt de huisarts voor morgen"); // no mention entity: typed by hand

        var hint = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("kies de naam uit de lijst die Teams toont", StringComparison.Ordinal));
        Assert.StartsWith("Ik weet niet wie je bedoelt", hint.Title, StringComparison.Ordinal);
        Assert.Equal(before, _app.MdoJson());
    }

    [Fact]
    public async Task Help_EnglishAndDutch_ListTheDutchWordAndTheMentionTip()
    {
        await _chat.SayAsync(Chair, "hulp");

        var help = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Commando's van MdoBot"));
        Assert.True(help.IsCard("start / starten / begin"));
        Assert.True(help.IsCard("kies @naam uit de lijst die Teams toont"));
    }
}
