using System.Text.Json;
using System.Text.Json.Nodes;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Tests.Cards;

/// <summary>A card is serialized once per turn: the outgoing update and the invoke answer repeat the same bytes; the size budget uses them.</summary>
public sealed class CardWireJsonTests
{
    private static AdaptiveCard Card(string text) => new()
    {
        Lang = "nl",
        Body =
        [
            new TextBlock { Text = text, Wrap = true },
            new TextBlock { Text = "Gezin <A> & \"B\" + 'C' — café 👪 ", IsSubtle = true },
        ],
    };

    public static TheoryData<string> Texts => new()
    {
        "Veilig opgroeien",
        string.Concat(Enumerable.Repeat("Één doel, één plan — ", 400)),
        string.Concat(Enumerable.Repeat("<b>&amp;</b>", 300)),
        string.Concat(Enumerable.Repeat("👨‍👩‍👧", 200)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void FitsEscaped_AgreesWithTheExactSizeAtEveryLimit(string text)
    {
        var exact = CardJson.EscapedSize(Card(text));
        Assert.Equal(Card(text).ToNodeJson().Length, exact); // the escaped size is the fully escaped JSON's length

        foreach (var limit in new[] { 100, exact - 1, exact, exact + 1, 27 * 1024, 1_000_000 })
        {
            Assert.Equal(exact <= limit, CardJson.FitsEscaped(Card(text), limit));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void SameCard_InUpdateAndAnswer_WritesTheJsonOfAFreshSerialization(string text)
    {
        var card = Card(text);
        var expected = JsonNode.Parse(CardJson.Serialize(Card(text), indented: true)); // a card never serialized before

        var update = JsonNode.Parse(JsonSerializer.Serialize(Activity.CreateCard(card), ProtocolJson.Options))!;
        var answer = JsonNode.Parse(JsonSerializer.Serialize(InvokeResponses.Card(card).Body, ProtocolJson.Options))!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(Activity.CreateCard(card), ProtocolJson.Options))!;

        Assert.True(JsonNode.DeepEquals(expected, update["attachments"]![0]!["content"]));
        Assert.True(JsonNode.DeepEquals(expected, answer["value"]));
        Assert.True(JsonNode.DeepEquals(expected, again["attachments"]![0]!["content"]));
        Assert.NotNull(card.WireJson); // kept from the first serialization, repeated by the other two
    }

    [Fact]
    public void SerializedOnce_IndentedAndEscapedOutputsStayTheirOwn()
    {
        var card = Card("Één");
        var wire = JsonSerializer.Serialize(card, ProtocolJson.Options);
        Assert.DoesNotContain('\n', wire);
        Assert.Contains("Één", wire, StringComparison.Ordinal); // the protocol options do not escape letters

        Assert.Contains('\n', CardJson.Serialize(card, indented: true));
        Assert.Equal(Card("Één").ToNodeJson().Length, CardJson.EscapedSize(card)); // measured afresh, not from the kept bytes
        Assert.Equal(wire, JsonSerializer.Serialize(card, ProtocolJson.Options));
    }
}

internal static class CardNodeJson
{
    public static string ToNodeJson(this AdaptiveCard card) => CardJson.ToNode(card).ToJsonString();
}
