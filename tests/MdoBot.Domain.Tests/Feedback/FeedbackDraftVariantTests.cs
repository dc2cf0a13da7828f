using MdoBot.Domain.Feedback;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Domain.Tests.Feedback;

/// <summary>When you hear from us, dates, the English text and input checks.</summary>
public sealed class FeedbackDraftVariantTests
{
    [Fact]
    public void Generate_NextContactGiven_UsedInsteadOfDueDate()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields());

        var text = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", new DateOnly(2026, 12, 5)).Text;

        Assert.Contains("U hoort uiterlijk 5 december van ons.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_OnlyDoneActionAndNoNextContact_SaysWeWillLetYouKnow()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields(ConfirmedAction: false));

        var draft = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", null);

        Assert.Equal(["We laten u nog weten wanneer u weer van ons hoort."], draft.Sections[^1].Lines);
        Assert.DoesNotContain("twee weken", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_DueDateInAnotherYear_YearWrittenOut()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields(ConfirmedAction: false));
        var action = mdo.AddAction(FeedbackCases.Chair, c.Id, FeedbackCases.Bram, "Bellen", new DateOnly(2027, 1, 10), FeedbackCases.T0);
        mdo.ConfirmAction(FeedbackCases.Bram, action.Id, FeedbackCases.T0);

        var text = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", null).Text;

        Assert.Contains("Bram doet dit vóór 10 januari 2027: Bellen", text, StringComparison.Ordinal);
        Assert.Contains("U hoort uiterlijk 10 januari 2027 van ons.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_English_SameContentInEnglishTemplate()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields(Lead: false));

        var draft = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.English, " ", null);

        Assert.StartsWith("Dear parent(s),\n\nWhat we talked about\nOn 23 November, a few professionals met", draft.Text, StringComparison.Ordinal);
        Assert.Contains("What you want: Meer rust in huis\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Bram will do this by 30 November: Een huisbezoek plannen\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("The chair of the meeting will let you know who your contact person will be.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("You will hear from us by 30 November.", draft.Text, StringComparison.Ordinal);
        Assert.Equal(FeedbackLanguage.English, draft.Language);
    }

    [Fact]
    public void Generate_MultiLineRecordedText_CollapsedIntoItsLine()
    {
        var (mdo, c) = FeedbackCases.Build(new CaseFields(Want: "Meer rust\n  in huis"));

        var text = FeedbackDraftGenerator.Generate(mdo, c, FeedbackLanguage.Dutch, "Sanne", null).Text;

        Assert.Contains("Wat u wilt: Meer rust in huis\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_CaseOfAnotherMdo_Throws()
    {
        var (_, c) = FeedbackCases.Build(new CaseFields());
        var other = MdoMeeting.Create("mdo-2", "19:other@thread.v2", "Ander MDO", FeedbackCases.Chair, FeedbackCases.T0);

        Assert.Throws<ArgumentException>(() => FeedbackDraftGenerator.Generate(other, c, FeedbackLanguage.Dutch, "Sanne", null));
    }
}
