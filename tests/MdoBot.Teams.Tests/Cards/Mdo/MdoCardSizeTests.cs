using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Tests.Cards.Mdo;

public sealed class MdoCardSizeTests
{
    private const int MaxBytes = 28 * 1024;

    public static TheoryData<string, Language> LargeCards => new()
    {
        { "editor", Language.Dutch },
        { "editor", Language.English },
        { "editor.editing", Language.Dutch },
        { "live.running", Language.Dutch },
        { "live.closed", Language.English },
        { "summary", Language.Dutch },
        { "summary", Language.English },
        { "start", Language.Dutch },
    };

    [Theory]
    [MemberData(nameof(LargeCards))]
    public void Build_ThirtyCases_StaysUnder28KbAndValid(string name, Language lang)
    {
        var card = Build(name, lang);

        var bytes = System.Text.Encoding.UTF8.GetByteCount(CardJson.Serialize(card));
        Assert.True(bytes < MaxBytes, $"{name} is {bytes} bytes.");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void CaseCard_LongestTextsAndManyActions_StaysUnder28Kb()
    {
        var mdo = MdoSamples.Large(1, closed: false);
        var chair = MdoSamples.Chair;
        mdo.Start(chair, MdoSamples.T0);
        mdo.RecordGoal(chair, "c1", new string('g', MdoLimits.GoalMaxLength));
        mdo.RecordDecisions(chair, "c1", new string('d', MdoLimits.DecisionsMaxLength));
        for (var i = 0; i < 20; i++)
        {
            var a = mdo.AddAction(chair, "c1", MdoSamples.Social, new string('x', 150), MdoSamples.Today, MdoSamples.T0);
            mdo.DeclineAction(MdoSamples.Social, a.Id, "Geen tijd", MdoSamples.T0);
        }

        var card = CaseCard.Build(mdo, mdo.FindCase("c1")!, MdoSamples.ManyMembers, Language.Dutch, MdoSamples.At(5), MdoSamples.Amsterdam, mdo.CurrentClock());

        var bytes = System.Text.Encoding.UTF8.GetByteCount(CardJson.Serialize(card));
        Assert.True(bytes < MaxBytes, $"case card is {bytes} bytes.");
    }

    [Fact]
    public void AgendaEditor_ThirtyCases_UsesOneCasePickerInsteadOfRowButtons()
    {
        var card = Build("editor", Language.Dutch);

        var picker = MdoCardJson.Objects(MdoCardJson.Node(card)).Single(o => (string?)o["id"] == AgendaEditorCard.CasePickerInputId);
        Assert.Equal(MdoLimits.MaxCases, picker["choices"]!.AsArray().Count);
        var moves = MdoCardJson.ExecuteActions(card).Where(a => (string?)a["verb"] == CardVerbs.MoveCase).ToList();
        Assert.Equal(2, moves.Count);
        Assert.All(moves, a => Assert.Null(a["data"]!["caseId"]));
    }

    [Fact]
    public void AgendaEditor_FewCases_HasButtonsPerRow()
    {
        var card = MdoCardCatalog.Get("editor.nl");

        Assert.DoesNotContain(MdoCardJson.Objects(MdoCardJson.Node(card)), o => (string?)o["id"] == AgendaEditorCard.CasePickerInputId);
        Assert.Equal(3, MdoCardJson.ExecuteActions(card).Count(a => (string?)a["verb"] == CardVerbs.EditCaseForm));
    }

    [Fact]
    public void Summary_ThirtyCases_KeepsEveryCaseAndFlagsFirst()
    {
        var texts = MdoCardJson.TextBlocks(Build("summary", Language.Dutch));

        Assert.Equal(MdoLimits.MaxCases, texts.Count(t => t.StartsWith("**Gezin ", StringComparison.Ordinal)));
        Assert.StartsWith("⚠ Nog niet bevestigd (60)", texts[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kort", 10, "kort")]
    [InlineData("een lange tekst", 8, "een lan…")]
    [InlineData("ab😀cd", 4, "ab…")]
    public void Clip_LongText_EndsWithEllipsisWithinMax(string text, int max, string expected)
    {
        var clipped = CardBudget.Clip(text, max);

        Assert.Equal(expected, clipped);
        Assert.True(clipped.Length <= max);
    }

    [Theory]
    [MemberData(nameof(LargeCards))]
    public void CardBudgetSize_IsTheFullyEscapedJsonLength(string name, Language lang)
    {
        var card = Build(name, lang);

        Assert.Equal(CardJson.ToNode(card).ToJsonString().Length, CardBudget.Size(card));
    }

    [Fact]
    public void CardBudgetSize_CountsEscapedNonAsciiAndHtmlCharacters()
    {
        var mdo = MdoSamples.Large(1, closed: false);
        var chair = MdoSamples.Chair;
        mdo.Start(chair, MdoSamples.T0);
        mdo.RecordGoal(chair, "c1", "Coördinatie <zorg> & \"rust\" — 'thuis' + 😀 ñ");
        var card = CaseCard.Build(mdo, mdo.FindCase("c1")!, MdoSamples.ManyMembers, Language.Dutch, MdoSamples.At(5), MdoSamples.Amsterdam, mdo.CurrentClock());

        var expected = CardJson.ToNode(card).ToJsonString().Length;
        Assert.Equal(expected, CardBudget.Size(card));
        Assert.True(expected > System.Text.Encoding.UTF8.GetByteCount(CardJson.Serialize(card)));
    }

    private static AdaptiveCard Build(string name, Language lang)
    {
        var closed = name is "summary" or "live.closed";
        MdoMeeting mdo = MdoSamples.Large(MdoLimits.MaxCases, closed);
        return name switch
        {
            "editor" => AgendaEditorCard.Build(mdo, MdoSamples.ManyMembers, lang, MdoSamples.Amsterdam),
            "editor.editing" => AgendaEditorCard.Build(mdo, MdoSamples.ManyMembers, lang, MdoSamples.Amsterdam, "c15", "Controleer de casuscode."),
            "live.running" => Running(mdo, lang),
            "live.closed" => LiveAgendaCard.Build(mdo, lang, MdoSamples.At(200), MdoSamples.Amsterdam),
            "summary" => SummaryCard.Build(mdo, lang, MdoSamples.Amsterdam),
            _ => StartPromptCard.Build(mdo, lang),
        };
    }

    private static AdaptiveCard Running(MdoMeeting mdo, Language lang)
    {
        mdo.Start(MdoSamples.Chair, MdoSamples.T0);
        mdo.NextCase(MdoSamples.Chair, MdoSamples.At(7), "c1");
        return LiveAgendaCard.Build(mdo, lang, MdoSamples.At(9), MdoSamples.Amsterdam, new HashSet<string> { "Gezin 03-2026-NOORD" });
    }
}
