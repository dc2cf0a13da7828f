using System.Text.Json.Nodes;
using MdoBot.BotFramework.Routing;
using MdoBot.Domain.Feedback;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Cards.Mdo;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;

namespace MdoBot.Teams.Tests.Cards.Mdo;

/// <summary>The rough edges of issue 12: controls at the top, collapsed sections, readable warnings, one language per label, visible zero bars.</summary>
public sealed class CardReadabilityTests
{
    [Fact]
    public void CaseCard_Current_ControlsBeforeQuestionFamilyViewAndActionsCollapsed()
    {
        var body = MdoCardJson.Node(MdoCardCatalog.Get("case.current.en"))["body"]!.AsArray().Select(e => e!.AsObject()).ToList();

        var controls = body.FindIndex(e => (string?)e["type"] == "ActionSet");
        var question = body.FindIndex(e => (string?)e["text"] == "Question");
        Assert.InRange(controls, 0, question - 1);
        var titles = MdoCardJson.Objects(body[controls]).Where(o => o["title"] is not null).Select(o => (string?)o["title"]).ToList();
        Assert.Contains("Add action", titles);
        Assert.Contains(titles, t => t!.StartsWith("Next", StringComparison.Ordinal));
        Assert.Contains(titles, t => t!.StartsWith("Extend", StringComparison.Ordinal) || t.StartsWith('+'));
        Assert.Null(MdoCardJson.Node(MdoCardCatalog.Get("case.current.en"))["actions"]);
        foreach (var id in new[] { "family-c2", "actions-c2" })
        {
            var section = Assert.Single(body, e => (string?)e["id"] == id);
            Assert.False((bool?)section["isVisible"]);
            Assert.Contains(MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get("case.current.en"))),
                o => (string?)o["type"] == "Action.ToggleVisibility" && o["targetElements"]!.AsArray().Any(t => (string?)t == id));
        }
    }

    [Fact]
    public void CaseCard_DeclinedActionToReassign_ActionListOpen()
    {
        var section = MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get("case.done.nl"))).Single(o => (string?)o["id"] == "actions-c1");

        Assert.Null(section["isVisible"]); // a2 was declined: the reassign row must be seen
    }

    [Theory]
    [InlineData("time.warning.nl")]
    [InlineData("time.warning.en")]
    [InlineData("feedback.dutchLetter.en")]
    public void Warnings_NoYellowText_WarningBackgroundInstead(string name)
    {
        var objects = MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get(name))).ToList();

        Assert.DoesNotContain(objects, o => (string?)o["color"] == "warning");
        Assert.Contains(objects, o => (string?)o["type"] == "Container" && (string?)o["style"] == "warning");
    }

    [Fact]
    public void AllCatalogCards_NoYellowText() =>
        Assert.All(MdoCardCatalog.Names, name =>
            Assert.DoesNotContain(MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get(name))), o => (string?)o["color"] == "warning"));

    [Fact]
    public void FeedbackDraft_EnglishCardDutchLetter_ReadabilityLabelInEnglish()
    {
        var line = MdoCardJson.TextBlocks(MdoCardCatalog.Get("feedback.dutchLetter.en")).Single(t => t.StartsWith("Readability: ", StringComparison.Ordinal));
        var level = line[(line.IndexOf('(', StringComparison.Ordinal) + 1)..^1];

        Assert.Contains(level, Enum.GetValues<ReadabilityLevel>().Select(l => Readability.Label(l, FeedbackLanguage.English)));
    }

    [Fact]
    public void SummaryChart_CaseWithNoTimeUsed_SaysSoUnderItsBars()
    {
        var mdo = Build(MdoStage.Planned);
        mdo.Start(Chair, T0);
        mdo.NextCase(Chair, At(10), "c1");
        mdo.Close(Chair, At(12));

        var chart = MdoCardJson.Objects(MdoCardJson.Node(SummaryCard.Build(mdo, Language.Dutch, Amsterdam)))
            .Single(o => ((string?)o["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true);

        var labels = chart["data"]!.AsArray().SelectMany(s => s!["values"]!.AsArray()).Select(v => (string?)v!["x"]).Distinct().ToList();
        Assert.Contains("Gezin A", labels);
        Assert.Contains("2026-017 (0 min gebruikt)", labels);
    }

    [Theory]
    [InlineData("editor.running.nl")]
    [InlineData("editor.nl")]
    public void AgendaEditor_Remove_OnlyBehindAConfirmStep(string name)
    {
        var objects = MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get(name))).ToList();
        var confirms = objects.Where(o => (string?)o["type"] == "Action.ShowCard" && (string?)o["title"] == "Verwijderen…").ToList();

        var removes = objects.Where(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == "agenda.removeCase").ToList();
        Assert.NotEmpty(removes);
        Assert.Equal(removes.Count, confirms.Count);
        Assert.All(confirms, c => Assert.Single(MdoCardJson.Objects(c["card"]), o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == "agenda.removeCase" && (string?)o["title"] == "Ja, verwijderen"));
        Assert.DoesNotContain(objects, o => (string?)o["title"] == "Verwijderen" && (string?)o["verb"] == "agenda.removeCase");
    }
}
