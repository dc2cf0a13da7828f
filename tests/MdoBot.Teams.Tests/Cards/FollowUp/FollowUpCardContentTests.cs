using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams.Tests.Cards.Mdo;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Tests.Cards.FollowUp;

public sealed class FollowUpCardContentTests
{
    public static TheoryData<string> Names => [.. FollowUpCardCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void VisibleText_AnyCard_ContainsNoTeamsUserId(string name)
    {
        var texts = MdoCardJson.VisibleTexts(FollowUpCardCatalog.Get(name));

        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => t.Contains("29:", StringComparison.Ordinal));
    }

    [Fact]
    public void CaseCard_ReturningCase_StartsWithOpenActionsFromLastTime()
    {
        var texts = MdoCardJson.TextBlocks(FollowUpCardCatalog.Get("case.nl"));

        var heading = texts.IndexOf("Open acties van vorige keer");
        Assert.Equal(3, heading); // after the code, status and time lines
        Assert.True(heading < texts.IndexOf("Vraag"));
        Assert.Contains(texts, t => t.StartsWith("• Huisbezoek samen met de verloskundige — Carla Smit (JGZ), vóór 26-3-2026 — bevestigd · verlopen", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Kraamzorg aanvragen", StringComparison.Ordinal)); // done last time
    }

    [Fact]
    public void CaseCard_OpenActionFromLastTime_DoneStillOpenDroppedWithEarlierAndCurrentIds()
    {
        var actions = MdoCardJson.ExecuteActions(FollowUpCardCatalog.Get("case.nl"))
            .Where(a => ((string?)a["verb"])!.StartsWith("followup.", StringComparison.Ordinal)).ToList();

        Assert.Equal([CardVerbs.FollowUpDone, CardVerbs.FollowUpStillOpen, CardVerbs.FollowUpDropped], actions.Select(a => (string?)a["verb"]));
        Assert.All(actions, a =>
        {
            var data = a["data"]!;
            Assert.Equal((string?)a["verb"], (string?)data["verb"]);
            Assert.Equal("3f9a1c2b7d4e", (string?)data["mdoId"]);
            Assert.Equal("a4", (string?)data["actionId"]);
            Assert.Equal(FollowUpSamples.CurrentId, (string?)data["currentMdoId"]);
            Assert.Equal("c1", (string?)data["caseId"]);
            Assert.Equal("None", (string?)a["associatedInputs"]);
        });
    }

    [Fact]
    public void CaseCard_ClosedMdo_ShowsOpenActionsWithoutButtons()
    {
        var card = FollowUpCardCatalog.Get("case.closed.nl");

        Assert.Contains("Open acties van vorige keer", MdoCardJson.TextBlocks(card));
        Assert.Empty(MdoCardJson.ExecuteActions(card));
    }

    [Fact]
    public void CaseCard_NoOpenActions_RendersExactlyAsWithoutFollowUp()
    {
        var mdo = FollowUpSamples.Current();
        var c = mdo.FindCase("c3")!;

        var plain = CaseCard.Build(mdo, c, Members, Language.Dutch, FollowUpSamples.Now, Amsterdam, mdo.CurrentClock());
        var empty = CaseCard.Build(mdo, c, Members, Language.Dutch, FollowUpSamples.Now, Amsterdam, mdo.CurrentClock(), FollowUpSamples.FollowUp(mdo).OpenFor(c.Code));

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(CardJson.ToNode(plain), CardJson.ToNode(empty)));
    }

    [Fact]
    public void CaseCard_ManyOpenActions_ShowsFirstRowsAndCountsTheRest()
    {
        var earlier = MdoMeeting.Create("e1", "conv", "MDO", Chair, T0);
        earlier.AddCase(Chair, new CaseDraft("Gezin A"), earlier.AgendaVersion);
        earlier.Start(Chair, T0);
        for (var i = 0; i < 12; i++)
        {
            earlier.AddAction(Chair, "c1", ManyMembers[i], $"Actie {i} " + new string('x', 400), Today.AddDays(7), T0);
        }

        earlier.Close(Chair, At(30));
        var current = MdoMeeting.Create("e2", "conv", "MDO", Chair, T0.AddDays(40));
        current.AddCase(Chair, new CaseDraft("Gezin A"), current.AgendaVersion);
        var open = SeriesFollowUp.From(current, [earlier, current]).OpenFor("Gezin A");

        var card = CaseCard.Build(current, current.Cases[0], ManyMembers, Language.Dutch, T0.AddDays(40), Amsterdam, null, open);

        Assert.Equal(12, open.Count);
        Assert.Contains("En nog 4 open acties.", MdoCardJson.TextBlocks(card));
        Assert.Equal(3 * FollowUpSection.MaxRows, MdoCardJson.ExecuteActions(card).Count(a => ((string?)a["verb"])!.StartsWith("followup.", StringComparison.Ordinal)));
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void ReminderCard_Confirmed_HasOnlyDoneWithActionData()
    {
        var action = Assert.Single(MdoCardJson.ExecuteActions(FollowUpCardCatalog.Get("reminder.nl")));

        Assert.Equal(CardVerbs.MarkActionDone, (string?)action["verb"]);
        Assert.Equal("Gedaan", (string?)action["title"]);
        Assert.Equal(CardVerbs.MarkActionDone, (string?)action["data"]!["verb"]);
        Assert.Equal("3f9a1c2b7d4e", (string?)action["data"]!["mdoId"]);
        Assert.Equal("a4", (string?)action["data"]!["actionId"]);
    }

    [Theory]
    [InlineData("reminder.done.nl")]
    [InlineData("reminder.dropped.nl")]
    [InlineData("overdue.nl")]
    public void AnsweredOrReportCards_HaveNoButtons(string name) =>
        Assert.Empty(MdoCardJson.ExecuteActions(FollowUpCardCatalog.Get(name)));

    [Fact]
    public void ReminderCard_Done_SaysDoneWithDate() =>
        Assert.Contains("✓ Gedaan op 12-3-2026", MdoCardJson.TextBlocks(FollowUpCardCatalog.Get("reminder.done.nl")));

    [Fact]
    public void OverdueCard_NamesOwnerAndDueDate()
    {
        var texts = MdoCardJson.VisibleTexts(FollowUpCardCatalog.Get("overdue.nl"));

        Assert.Contains(texts, t => t.StartsWith("Carla Smit (JGZ) heeft deze actie nog niet als gedaan gemarkeerd; de deadline was 26-3-2026.", StringComparison.Ordinal));
        Assert.Contains("Gezin A", texts);
    }
}
