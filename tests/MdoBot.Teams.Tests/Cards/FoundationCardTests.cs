using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Tests.Cards;

public sealed class FoundationCardTests
{
    public static TheoryData<string> Names => ["welcome.nl", "welcome.en", "help.nl", "help.en"];

    private static AdaptiveCard Build(string name) => name switch
    {
        "welcome.nl" => WelcomeCard.Build(Language.Dutch, new CardSettings { RetentionDays = 90 }),
        "welcome.en" => WelcomeCard.Build(Language.English, new CardSettings { RetentionDays = 90 }),
        "help.nl" => HelpCard.Build(Language.Dutch),
        "help.en" => HelpCard.Build(Language.English),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_Card_MatchesGolden(string name) => CardAssert.MatchesGolden(Build(name), name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_Card_IsValidAdaptiveCard15(string name) => CardAssert.IsValidAdaptiveCard(Build(name));

    [Fact]
    public void WelcomeCard_RetentionDays_AreStated()
    {
        var json = CardJson.Serialize(WelcomeCard.Build(Language.Dutch, new CardSettings { RetentionDays = 30 }));
        Assert.Contains("30 dagen", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaValidation_InvalidCard_IsRejected()
    {
        var bad = new AdaptiveCard { Body = [new TextBlock { Text = "x", Size = "Enormous" }] };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => CardAssert.IsValidAdaptiveCard(bad));
    }
}
