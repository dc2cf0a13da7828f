using System.Net;
using System.Text.Json.Nodes;

namespace MdoBot.Web.Tests;

public sealed class FoundationFlowTests : IAsyncLifetime
{
    private BotApp _app = null!;

    public async Task InitializeAsync() => _app = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("personal-conversationUpdate", "Welkom bij MdoBot")]
    [InlineData("groupchat-conversationUpdate-botAdded", "Welkom bij MdoBot")]
    [InlineData("channel-conversationUpdate", "Welkom bij MdoBot")]
    [InlineData("groupchat-installationUpdate", "Welcome to MdoBot")]
    public async Task Install_PlaygroundCapture_WelcomeCardReachesConnector(string fixture, string title)
    {
        var activity = _app.Fixture(fixture);
        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await _app.Connector.WaitForAsync(c => c.Kind == "send");
        Assert.Equal((string?)activity["conversation"]!["id"], call.ConversationId);
        Assert.Equal(title, call.Title);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)call.Body!["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public async Task Install_ConversationUpdateThenInstallationUpdate_WelcomesOnce()
    {
        await _app.PostAsync(_app.Fixture("personal-conversationUpdate"));
        var install = _app.Fixture("personal-installationUpdate");
        install["conversation"]!["id"] = (string?)_app.Fixture("personal-conversationUpdate")["conversation"]!["id"];
        await _app.PostAsync(install);
        await _app.PostAsync(HelpMessage("personal-message", "help"));

        await _app.Connector.WaitForAsync(c => c.Title == "Commando's van MdoBot" || c.Title == "MdoBot commands");
        // The help message comes from another conversation than the install: delivered independently, in either order.
        await _app.Connector.WaitForAsync(c => c.Title is "Welkom bij MdoBot" or "Welcome to MdoBot");
        await Security.SecurityKit.DrainAsync(_app);
        Assert.Single(_app.Connector.Calls, c => c.Title is "Welkom bij MdoBot" or "Welcome to MdoBot");
    }

    [Theory]
    [InlineData("personal-message", "help", "MdoBot commands")]
    [InlineData("personal-message", "hulp", "MdoBot commands")]
    [InlineData("groupchat-message-mention", "<at>Test Bot</at> help", "MdoBot commands")]
    [InlineData("channel-message-mention", null, "Commando's van MdoBot")]
    public async Task Help_Command_HelpCardInUserLanguage(string fixture, string? text, string expectedTitle)
    {
        var activity = HelpMessage(fixture, text);
        if (text is null)
        {
            // The channel capture's own text: keep its mention, replace the words after it.
            activity["text"] = ((string?)activity["text"])!.Split("</at>")[0] + "</at> hulp";
            activity.Remove("locale");
            activity.Remove("entities");
            activity["entities"] = JsonNode.Parse(_app.Fixture(fixture)["entities"]!.ToJsonString());
            foreach (var e in activity["entities"]!.AsArray().Where(e => (string?)e!["type"] == "clientInfo").ToList())
            {
                activity["entities"]!.AsArray().Remove(e);
            }
        }

        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await _app.Connector.WaitForAsync(c => c.Kind == "send");
        Assert.Equal(expectedTitle, call.Title);
    }

    [Fact]
    public async Task UnknownCommand_Message_GetsHelpCard()
    {
        await _app.PostAsync(HelpMessage("personal-message", "blabla"));
        var call = await _app.Connector.WaitForAsync(c => c.Kind == "send");
        Assert.Equal("MdoBot commands", call.Title);
    }

    [Fact]
    public async Task SameActivity_DeliveredTwice_AnsweredOnce()
    {
        var activity = HelpMessage("personal-message", "help");
        await _app.PostAsync(activity);
        await _app.PostAsync(activity);
        await _app.PostAsync(HelpMessage("personal-message", "help", id: "other-id"));

        await _app.Connector.WaitForCountAsync(c => c.Kind == "send", 2);
        Assert.Equal(2, _app.Connector.Calls.Count(c => c.Kind == "send"));
    }

    [Fact]
    public async Task Restart_HostRestarted_ConversationReferenceKept()
    {
        await _app.PostAsync(_app.Fixture("groupchat-conversationUpdate-botAdded"));
        await _app.Connector.WaitForAsync(c => c.Kind == "send");
        await _app.RestartAsync();
        Assert.Equal(1, _app.TableCounts()["conversations"]);
        var ready = await _app.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private JsonObject HelpMessage(string fixture, string? text, string? id = null)
    {
        var activity = _app.Fixture(fixture);
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (id is not null)
        {
            activity["id"] = id;
        }

        return activity;
    }
}
