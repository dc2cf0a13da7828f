using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Tests.Cards.Mdo;

public sealed class MdoCardContractTests
{
    public static TheoryData<string> Names => [.. MdoCardCatalog.Names];

    public static TheoryData<string> ActionIds => ["a1", "a2", "a3", "a4", "a5"];

    [Theory]
    [MemberData(nameof(Names))]
    public void ExecuteActions_AnyCard_CarryVerbAndMdoIdInData(string name)
    {
        foreach (var action in MdoCardJson.ExecuteActions(MdoCardCatalog.Get(name)))
        {
            var data = action["data"]?.AsObject();
            Assert.NotNull(data);
            Assert.Equal((string?)action["verb"], (string?)data["verb"]);
            Assert.Equal("3f9a1c2b7d4e", (string?)data["mdoId"]);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void VisibleText_AnyCard_ContainsNoTeamsUserId(string name)
    {
        var texts = MdoCardJson.VisibleTexts(MdoCardCatalog.Get(name));
        Assert.NotEmpty(texts);
        foreach (var id in MdoSamples.Members.Select(m => m.Id))
        {
            Assert.DoesNotContain(texts, t => t.Contains(id, StringComparison.Ordinal) || t.Contains("29:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ActionIds))]
    public void ActionCard_AnyStatus_MentionsOwnerFullWidth(string actionId)
    {
        var mdo = MdoSamples.Build(MdoStage.Closed);
        var owner = mdo.FindAction(actionId)!.Owner;
        var card = MdoCardCatalog.Action(actionId, Language.Dutch);

        var mention = Assert.Single(card.MsTeams!.Entities!);
        Assert.Equal(owner.Id, mention.Mentioned.Id);
        Assert.Equal(owner.Name, mention.Mentioned.Name);
        Assert.Equal("Full", card.MsTeams.Width);
        Assert.Contains(MdoCardJson.TextBlocks(card), t => t.Contains($"<at>{owner.Name}</at>", StringComparison.Ordinal));
    }

    [Fact]
    public void ActionCard_Proposed_HasConfirmAndDeclineWithRequiredReason()
    {
        var card = MdoCardCatalog.Action("a3", Language.Dutch);

        var verbs = MdoCardJson.ExecuteActions(card).Select(a => (string?)a["verb"]).ToList();
        Assert.Equal([CardVerbs.ConfirmAction, CardVerbs.DeclineAction], verbs);
        var reason = MdoCardJson.Objects(MdoCardJson.Node(card)).Single(o => (string?)o["id"] == InputIds.DeclineReason);
        Assert.True((bool?)reason["isRequired"]);
        Assert.All(MdoCardJson.ExecuteActions(card), a => Assert.Equal("a3", (string?)a["data"]!["actionId"]));
    }

    [Theory]
    [InlineData("a1")]
    [InlineData("a2")]
    [InlineData("a4")]
    [InlineData("a5")]
    public void ActionCard_Answered_HasNoButtons(string actionId) =>
        Assert.Null(MdoCardCatalog.Action(actionId, Language.Dutch).Actions);

    [Fact]
    public void AgendaEditor_EveryAction_CarriesCurrentAgendaVersion()
    {
        var mdo = MdoSamples.Build(MdoStage.Planned);
        var card = AgendaEditorCard.Build(mdo, MdoSamples.Members, Language.Dutch, MdoSamples.Amsterdam);

        var actions = MdoCardJson.ExecuteActions(card);
        Assert.Contains(actions, a => (string?)a["verb"] == CardVerbs.AddCase);
        Assert.All(actions, a => Assert.Equal(mdo.AgendaVersion, (int?)a["data"]!["agendaVersion"]));
    }

    [Fact]
    public void CaseCard_DeclinedAction_HasReassignRowWithPerActionInput()
    {
        var card = MdoCardCatalog.Get("case.done.nl");

        Assert.Equal("newOwner_a2", CaseCard.NewOwnerInputId("a2"));
        Assert.Contains(MdoCardJson.Objects(MdoCardJson.Node(card)), o => (string?)o["id"] == "newOwner_a2");
        var reassign = Assert.Single(MdoCardJson.ExecuteActions(card), a => (string?)a["verb"] == CardVerbs.ReassignAction);
        Assert.Equal("a2", (string?)reassign["data"]!["actionId"]);
        Assert.Equal("c1", (string?)reassign["data"]!["caseId"]);
    }

    [Fact]
    public void CaseCard_Current_HasExtendAndNextForThisCase()
    {
        var card = MdoCardCatalog.Get("case.current.nl");

        var meeting = MdoCardJson.ExecuteActions(card).Where(a => (string?)a["verb"] is CardVerbs.Extend or CardVerbs.Next).ToList();
        Assert.Equal(2, meeting.Count);
        Assert.All(meeting, a => Assert.Equal("c2", (string?)a["data"]!["caseId"]));
        Assert.Contains(meeting, a => (int?)a["data"]!["minutes"] == 5);
    }

    [Fact]
    public void ClosedCards_AgendaAndCase_AreReadOnly()
    {
        Assert.Empty(MdoCardJson.ExecuteActions(MdoCardCatalog.Get("editor.closed.nl")));
        Assert.Empty(MdoCardJson.ExecuteActions(MdoCardCatalog.Get("case.closed.nl")));
        Assert.Empty(MdoCardJson.ExecuteActions(MdoCardCatalog.Get("live.closed.nl")));
        Assert.Empty(MdoCardJson.ExecuteActions(MdoCardCatalog.Get("summary.nl")));
        Assert.DoesNotContain(MdoCardJson.Objects(MdoCardJson.Node(MdoCardCatalog.Get("case.closed.nl"))), o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void TimeNotice_CaseNoLongerCurrent_HasNoButtons()
    {
        var mdo = MdoSamples.Build(MdoStage.SecondCase);

        var card = TimeNoticeCard.Build(mdo, mdo.FindCase("c1")!, TimeNoticeKind.TimeUp, 0, late: true, Language.Dutch);

        Assert.Null(card.Actions);
    }
}
