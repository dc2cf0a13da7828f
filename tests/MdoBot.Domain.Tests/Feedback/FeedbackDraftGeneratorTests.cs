using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Tests.Feedback;

public sealed class FeedbackDraftGeneratorTests
{
    [Fact]
    public void Generate_AllFieldsRecorded_EveryPartInPlainDutch()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields());

        var draft = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", null);

        Assert.StartsWith("Beste Sanne,\n\nWaar we over praatten\nOp 23 november hebben we", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Wat u wilt: Meer rust in huis\nWat u zelf kunt: Zelf koken en wassen\nWat u nodig hebt: Hulp bij het slapen\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Dit willen we samen met u bereiken: Veilig slapen voor de baby\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Bram doet dit vóór 30 november: Een huisbezoek plannen\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Eva heeft dit al gedaan: De groeicurve bespreken\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Uw vaste contactpersoon is Cato.\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("U hoort uiterlijk 30 november van ons.\n", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("Met vriendelijke groet,\nCato", draft.Text, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<FeedbackSectionKind>(), draft.Sections.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("want")]
    [InlineData("canDo")]
    [InlineData("need")]
    [InlineData("goal")]
    [InlineData("lead")]
    [InlineData("confirmed")]
    [InlineData("done")]
    public void Generate_FieldNotRecorded_ItsTextAndLabelNeverAppear(string missing)
    {
        var (fields, absent) = missing switch
        {
            "want" => (new CaseFields(Want: null), new[] { FeedbackCases.Want, "Wat u wilt" }),
            "canDo" => (new CaseFields(CanDo: null), [FeedbackCases.CanDo, "Wat u zelf kunt"]),
            "need" => (new CaseFields(Need: null), [FeedbackCases.Need, "Wat u nodig hebt"]),
            "goal" => (new CaseFields(Goal: null), [FeedbackCases.Goal, "bereiken:", "Wat we willen bereiken"]),
            "lead" => (new CaseFields(Lead: false), ["Cato", "Uw vaste contactpersoon is"]),
            "confirmed" => (new CaseFields(ConfirmedAction: false), [FeedbackCases.Confirmed, "Bram", "doet dit vóór"]),
            _ => (new CaseFields(DoneAction: false), [FeedbackCases.Done, "Eva", "al gedaan"]),
        };
        var (mdo, c) = FeedbackCases.Build(fields);

        var text = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", null).Text;

        Assert.All(absent, a => Assert.DoesNotContain(a, text, StringComparison.Ordinal));
        FeedbackAssert.NoPlaceholders(text);
        var recorded = new[] { fields.Want, fields.CanDo, fields.Need, fields.Goal }.OfType<string>();
        Assert.All(recorded, r => Assert.Contains(r, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_NothingRecorded_OnlyFixedSentencesWithoutInventedContent()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields(null, null, null, null, false, false, false));

        var draft = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "", null);

        Assert.Equal(
            [FeedbackSectionKind.Discussed, FeedbackSectionKind.ContactPerson, FeedbackSectionKind.NextContact],
            draft.Sections.Select(s => s.Kind));
        Assert.Equal(["Op 23 november hebben we met een paar hulpverleners over uw gezin gepraat."], draft.Sections[0].Lines);
        Assert.Equal(["De voorzitter van het overleg laat u weten wie uw vaste contactpersoon wordt."], draft.Sections[1].Lines);
        Assert.Equal(["We laten u nog weten wanneer u weer van ons hoort."], draft.Sections[2].Lines);
        Assert.DoesNotContain("We gingen uit van", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("Met vriendelijke groet,", draft.Text, StringComparison.Ordinal);
        FeedbackAssert.NoPlaceholders(draft.Text);
    }

    [Theory]
    [InlineData(FeedbackLanguage.Dutch)]
    [InlineData(FeedbackLanguage.English)]
    public void Generate_AnyLanguage_ProfessionalTextsAndUnconfirmedActionsNeverAppear(FeedbackLanguage language)
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields());

        var text = FeedbackDraftGenerator.Generate(mdo, c, language, "Sanne", null).Text;

        string[] never =
        [
            FeedbackCases.Question, FeedbackCases.Decisions, FeedbackCases.Proposed, FeedbackCases.Declined,
            "Piet", "Dirk", "Anna", "Gezin A", "Geen tijd",
        ];
        Assert.All(never, n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
    }
}
