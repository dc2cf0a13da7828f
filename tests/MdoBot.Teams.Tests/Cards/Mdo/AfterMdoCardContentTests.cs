using MdoBot.BotFramework.Routing;
using MdoBot.Teams.Documents;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;

namespace MdoBot.Teams.Tests.Cards.Mdo;

public sealed class AfterMdoCardContentTests
{
    [Fact]
    public void Evaluation_Questions_AreCompactChoices()
    {
        var sets = MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get("evaluation.nl")))
            .Where(o => (string?)o["type"] == "Input.ChoiceSet").ToList();

        Assert.Equal(4, sets.Count);
        Assert.All(sets, s => Assert.Equal("compact", (string?)s["style"]));
        Assert.All(sets, s => Assert.Equal("Kies 1 tot 5", (string?)s["placeholder"]));
    }

    [Fact]
    public void CaseMarkdown_EveryParagraph_SeparatedByBlankLine()
    {
        var mdo = Build(MdoStage.Closed);

        var lines = SummaryText.CaseMarkdown(mdo, mdo.FindCase("c1")!, Language.Dutch, Amsterdam).Split('\n');

        var field = Array.FindIndex(lines, l => l.StartsWith("**Vraag:**", StringComparison.Ordinal));
        Assert.Equal(string.Empty, lines[field - 1]);
        Assert.Equal(string.Empty, lines[field + 1]);
        Assert.StartsWith("**Wat het gezin wil:**", lines[field + 2], StringComparison.Ordinal);
        var time = Array.FindIndex(lines, l => l.StartsWith("Tijd: ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, lines[time - 1]);
        for (var i = 1; i < lines.Length; i++)
        {
            var list = lines[i].StartsWith("- ", StringComparison.Ordinal) && lines[i - 1].StartsWith("- ", StringComparison.Ordinal);
            Assert.True(list || lines[i].Length == 0 || lines[i - 1].Length == 0,
                $"Line {i} runs on from the previous paragraph: '{lines[i]}'");
        }
    }

    [Fact]
    public void SummaryMarkdown_Cases_SeparatedByBlankLine()
    {
        var text = SummaryText.Markdown(Build(MdoStage.Closed), Language.English, Amsterdam);

        Assert.Contains("\n\n## Gezin B\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }
}
