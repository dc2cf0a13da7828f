using MdoBot.EndToEnd.Tests.Harness;

namespace MdoBot.EndToEnd.Tests;

/// <summary>Real MdoBot + real Agents Playground: install, welcome card, help card.</summary>
public sealed class WelcomeAndHelpTests(PlaygroundHarness playground) : IClassFixture<PlaygroundHarness>
{
    private static readonly string[] WelcomeTitles = ["Welkom bij MdoBot", "Welcome to MdoBot"];
    private static readonly string[] HelpTitles = ["Commando's van MdoBot", "MdoBot commands"];

    [Theory]
    [InlineData("personal")]
    [InlineData("group")]
    public async Task InstallThenHelp_PlaygroundChat_WelcomeCardThenHelpCard(string chat)
    {
        var config = playground.Config;
        var (conversationId, help) = chat == "personal"
            ? (config.PersonalChatId, "help")
            : (config.GroupChatId, config.Bot.At + " help");
        Assert.StartsWith(chat == "personal" ? "a:" : "19:meeting_", conversationId, StringComparison.Ordinal);

        await playground.InstallBotAsync(conversationId);
        var welcome = await playground.WaitForCardAsync(conversationId, WelcomeTitles);

        var cursor = playground.Cursor;
        await playground.SendMessageAsync(conversationId, help);
        var helpCard = await playground.WaitForCardAsync(conversationId, HelpTitles, since: cursor);

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)welcome.Attachments.First()["contentType"]);
        Assert.Equal("1.5", (string?)helpCard.Card!["version"]);
        // The Playground sends installationUpdate and conversationUpdate on install: MdoBot greets once.
        Assert.Single(playground.BotMessages, m => m.ConversationId == conversationId && WelcomeTitles.Contains(m.CardTitle));
    }

    [Fact]
    public async Task HelpMention_OtherUserInGroupChat_HelpCardArrives()
    {
        var config = playground.Config;
        var cursor = playground.Cursor;

        await playground.SendMessageAsync(config.GroupChatId, config.Bot.At + " hulp", from: config.User("Jeroen"));

        await playground.WaitForCardAsync(config.GroupChatId, HelpTitles, since: cursor);
    }

    [Fact]
    public async Task WelcomeHelpButton_ActionExecute_AnswersAndPostsHelpCard()
    {
        var config = playground.Config;
        await playground.InstallBotAsync(config.ChannelId);
        var welcome = await playground.WaitForCardAsync(config.ChannelId, WelcomeTitles);
        var cursor = playground.Cursor;

        var result = await playground.PressAsync(welcome, "help.show");

        Assert.NotNull(result);
        Assert.Equal(200, result.HttpStatus);
        Assert.False(string.IsNullOrWhiteSpace(result.MessageText), $"unexpected invoke answer: {result.Body}");
        await playground.WaitForCardAsync(welcome.MessageConversationId, HelpTitles, since: cursor);
    }
}
