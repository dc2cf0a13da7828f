using System.Globalization;
using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Tests.Cards.Mdo;

public sealed class MdoCardContentTests
{
    [Fact]
    public void AgendaEditor_MeetingLengthUnknown_SuggestsSettingIt()
    {
        var mdo = MdoMeeting.Create("m1", "conv", "MDO", MdoSamples.Chair, MdoSamples.T0);
        mdo.AddCase(MdoSamples.Chair, new CaseDraft("Gezin A"), mdo.AgendaVersion);

        var texts = MdoCardJson.TextBlocks(AgendaEditorCard.Build(mdo, MdoSamples.Members, Language.Dutch, MdoSamples.Amsterdam));

        Assert.Contains("Gepland 20 min. De vergaderduur is onbekend: stel die in om te zien of de agenda past.", texts);
    }

    [Fact]
    public void AgendaEditor_AgendaTooLong_WarnsInAttentionColour()
    {
        var card = MdoCardCatalog.Get("editor.notice.nl");

        var blocks = MdoCardJson.Objects(MdoCardJson.Node(card)).Where(o => (string?)o["type"] == "TextBlock").ToList();
        Assert.Contains(blocks, b => (string?)b["text"] == "Gepland 60 van 45 min — past niet: 15 min te veel" && (string?)b["color"] == "attention");
        Assert.Equal("attention", (string?)blocks[0]["color"]);
    }

    [Fact]
    public void AgendaEditor_AgendaFits_SaysSo() =>
        Assert.Contains("Gepland 60 van 60 min — past", MdoCardJson.TextBlocks(MdoCardCatalog.Get("editor.nl")));

    [Fact]
    public void AgendaEditor_NoCases_HasNoStart()
    {
        var mdo = MdoMeeting.Create("m1", "conv", "MDO", MdoSamples.Chair, MdoSamples.T0);

        var card = AgendaEditorCard.Build(mdo, MdoSamples.Members, Language.Dutch, MdoSamples.Amsterdam);

        Assert.DoesNotContain(MdoCardJson.ExecuteActions(card), a => (string?)a["verb"] == CardVerbs.Start);
    }

    [Fact]
    public void AgendaEditor_Editing_PrefillsFormAndOffersSaveAndCancel()
    {
        var card = MdoCardCatalog.Get("editor.editing.nl");
        var nodes = MdoCardJson.Objects(MdoCardJson.Node(card)).ToList();

        Assert.Contains(nodes, o => (string?)o["id"] == InputIds.Code && (string?)o["value"] == "Gezin B");
        var verbs = MdoCardJson.ExecuteActions(card).Select(a => (string?)a["verb"]).ToList();
        Assert.Contains(CardVerbs.SaveCase, verbs);
        Assert.Contains(CardVerbs.OpenAgenda, verbs);
        Assert.DoesNotContain(CardVerbs.AddCase, verbs);
    }

    [Fact]
    public void LiveAgenda_Running_ShowsDoneCurrentNextAndReturning()
    {
        var texts = MdoCardJson.TextBlocks(MdoCardCatalog.Get("live.running.nl"));

        Assert.Contains("✓ 1. Gezin A — besproken, 18 van 20 min", texts);
        Assert.Contains("▶ **2. Gezin B** — nu, 12 van 20 min · ↻ terugkerende casus", texts);
        Assert.Contains("→ 3. 2026-017 — hierna, 20 min", texts);
    }

    [Fact]
    public void CaseCard_NoFamilyView_SaysNotFilledIn()
    {
        var mdo = MdoSamples.Build(MdoStage.Planned);

        var card = CaseCard.Build(mdo, mdo.FindCase("c3")!, MdoSamples.Members, Language.Dutch, MdoSamples.T0, MdoSamples.Amsterdam, null);

        Assert.Contains("nog niet ingevuld", MdoCardJson.TextBlocks(card));
    }

    [Fact]
    public void Summary_UnconfirmedActions_ComeBeforeTheCases()
    {
        var texts = MdoCardJson.TextBlocks(MdoCardCatalog.Get("summary.nl"));

        var flagged = texts.FindIndex(t => t.StartsWith("⚠ Nog niet bevestigd (2)", StringComparison.Ordinal));
        var firstCase = texts.IndexOf("**Gezin A**");
        Assert.InRange(flagged, 0, firstCase - 1);
        Assert.Contains(texts, t => t.StartsWith("⚠ 2026-017: Contact opnemen met de huisarts", StringComparison.Ordinal));
        Assert.Contains("Totaal: tijdvak 60 min + 5 min verlenging, gebruikt 55 min", texts);
    }

    [Fact]
    public void ActionCard_Confirmed_StatesWhoAndWhenInLocalTime()
    {
        Assert.Contains("✓ Bevestigd door Carla Smit (JGZ) op 12-3-2026 om 14:58", MdoCardJson.TextBlocks(MdoCardCatalog.Action("a4", Language.Dutch)));
        Assert.Contains("✓ Confirmed by Carla Smit (JGZ) on 12 Mar 2026 at 14:58", MdoCardJson.TextBlocks(MdoCardCatalog.Action("a4", Language.English)));
    }

    [Fact]
    public void ActionCard_Declined_GivesReasonAndBackToChair() =>
        Assert.Contains(
            "Niet haalbaar volgens Anna de Vries (verloskundige): Ik ben dan met verlof. Terug naar de voorzitter.",
            MdoCardJson.TextBlocks(MdoCardCatalog.Action("a5", Language.Dutch)));

    [Fact]
    public void TimeNotice_WarningAndTimeUp_NameTheCase()
    {
        Assert.Contains("⏱ Nog 5 minuten voor Gezin B", MdoCardJson.TextBlocks(MdoCardCatalog.Get("time.warning.nl")));
        Assert.Contains("⏱ De tijd voor Gezin B is om", MdoCardJson.TextBlocks(MdoCardCatalog.Get("time.up.nl")));
        Assert.Contains(MdoCardJson.TextBlocks(MdoCardCatalog.Get("time.up.late.nl")), t => t.Contains("niet bereikbaar", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("th-TH")]
    [InlineData("en-US")]
    public void MdoFormat_AnyMachineCulture_UsesInvariantFormats(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var summer = new DateTimeOffset(2026, 7, 3, 7, 5, 0, TimeSpan.Zero);

            Assert.Equal("3-7-2026", MdoFormat.Date(new DateOnly(2026, 7, 3), Language.Dutch));
            Assert.Equal("3 Jul 2026", MdoFormat.Date(new DateOnly(2026, 7, 3), Language.English));
            Assert.Equal("09:05", MdoFormat.Time(summer, MdoSamples.Amsterdam));
            Assert.Equal("3-7-2026 om 09:05", MdoFormat.DateTime(summer, MdoSamples.Amsterdam, Language.Dutch));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
    }
}
