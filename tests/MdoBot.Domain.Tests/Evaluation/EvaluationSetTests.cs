using MdoBot.Domain.Evaluation;
using MdoBot.Domain.Feedback;
using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests.Evaluation;

public sealed class EvaluationSetTests
{
    [Fact]
    public void Add_TwoRespondents_CountAndAveragesPerQuestion()
    {
        var set = new EvaluationSet("mdo-1");

        Assert.True(set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyA, 4, 5, 3, 2)));
        Assert.True(set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyB, 5, 4, 4, 5)));

        Assert.Equal(2, set.Count);
        Assert.Equal(4.5, set.Average(EvaluationQuestion.KeptToTime));
        Assert.Equal(4.5, set.Averages[EvaluationQuestion.LanguageClear]);
        Assert.Equal(3.5, set.Averages[EvaluationQuestion.FamilyViewLeading]);
        Assert.Equal(3.5, set.Averages[EvaluationQuestion.ClearWhoDoesWhat]);
    }

    [Fact]
    public void Add_SecondAnswerSameKey_ReplacesFirst()
    {
        var set = new EvaluationSet("mdo-1");
        set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyA, 1, 1, 1, 1, "Eerst"));
        set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyB, 3, 3, 3, 3));

        var added = set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyA, 5, 5, 5, 5, "Later"));

        Assert.False(added);
        Assert.Equal(2, set.Count);
        Assert.Equal(4.0, set.Average(EvaluationQuestion.KeptToTime));
        Assert.Equal(["Later"], set.Comments);
        Assert.Equal(EvaluationGiven.KeyA, set.Answers[0].RespondentKey);
    }

    [Fact]
    public void Average_QuestionSkippedByAll_NullAndAbsentFromAverages()
    {
        var set = new EvaluationSet("mdo-1");
        set.Add(new EvaluationAnswer("mdo-1", EvaluationGiven.KeyA, new Dictionary<EvaluationQuestion, int> { [EvaluationQuestion.KeptToTime] = 2 }));
        set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyB, 4, 4, 4, 4));

        Assert.Equal(3.0, set.Average(EvaluationQuestion.KeptToTime));
        Assert.Equal(4.0, set.Average(EvaluationQuestion.LanguageClear));
        Assert.Equal((2, 1), (set.ScoreCount(EvaluationQuestion.KeptToTime), set.ScoreCount(EvaluationQuestion.LanguageClear)));
        Assert.Null(new EvaluationSet("mdo-2").Average(EvaluationQuestion.KeptToTime));
        Assert.Empty(new EvaluationSet("mdo-2").Averages);
    }

    [Fact]
    public void Add_AnswerOfOtherMdo_InvalidInput()
    {
        var set = new EvaluationSet("mdo-1");

        var ex = Assert.Throws<MdoRuleException>(() => set.Add(EvaluationGiven.Answer(EvaluationGiven.KeyA, 3, 3, 3, 3, mdoId: "mdo-2")));

        Assert.Equal(("mdoId", 0), (ex.Field, set.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void NewAnswer_ScoreOutside1To5_InvalidInput(int score)
    {
        var ex = Assert.Throws<MdoRuleException>(() => EvaluationGiven.Answer(EvaluationGiven.KeyA, score, 3, 3, 3));

        Assert.Equal((MdoError.InvalidInput, "scores"), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData("29:1abcdefghijklmnop")]
    [InlineData("short")]
    [InlineData("")]
    public void NewAnswer_KeyNotAHash_InvalidInput(string key)
    {
        var ex = Assert.Throws<MdoRuleException>(() => EvaluationGiven.Answer(key, 3, 3, 3, 3));

        Assert.Equal("respondentKey", ex.Field);
    }

    [Fact]
    public void NewAnswer_NoScores_InvalidInput()
    {
        var ex = Assert.Throws<MdoRuleException>(() => new EvaluationAnswer("mdo-1", EvaluationGiven.KeyA, new Dictionary<EvaluationQuestion, int>()));

        Assert.Equal("scores", ex.Field);
    }

    [Fact]
    public void NewAnswer_Comment500Allowed501Refused()
    {
        var ok = EvaluationGiven.Answer(EvaluationGiven.KeyA, 3, 3, 3, 3, $"  {new string('x', 500)}  ");
        var ex = Assert.Throws<MdoRuleException>(() => EvaluationGiven.Answer(EvaluationGiven.KeyA, 3, 3, 3, 3, new string('x', 501)));

        Assert.Equal(500, ok.Comment!.Length);
        Assert.Equal("comment", ex.Field);
        Assert.Null(EvaluationGiven.Answer(EvaluationGiven.KeyA, 3, 3, 3, 3, "   ").Comment);
    }

    [Fact]
    public void Text_EveryQuestion_DutchAndEnglish()
    {
        Assert.Equal(4, EvaluationQuestions.All.Count);
        Assert.Equal("Hielden we ons aan de tijd?", EvaluationQuestions.Text(EvaluationQuestion.KeptToTime, FeedbackLanguage.Dutch));
        Assert.Equal("Is it clear who does what?", EvaluationQuestions.Text(EvaluationQuestion.ClearWhoDoesWhat, FeedbackLanguage.English));
        Assert.All(EvaluationQuestions.All, q =>
            Assert.NotEqual(EvaluationQuestions.Text(q, FeedbackLanguage.Dutch), EvaluationQuestions.Text(q, FeedbackLanguage.English)));
    }
}
