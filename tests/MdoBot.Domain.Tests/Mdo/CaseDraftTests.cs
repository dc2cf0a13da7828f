using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class CaseDraftTests
{
    [Fact]
    public void Normalize_PaddedAndEmptyTexts_TrimmedAndNulled()
    {
        var draft = new CaseDraft("  Gezin A ", null, "   ", true, 25, new FamilyView(" Rust ", "", null)).Normalize();

        Assert.Equal("Gezin A", draft.Code);
        Assert.Null(draft.Question);
        Assert.Equal(new FamilyView("Rust", null, null), draft.FamilyView);
        Assert.Equal(25, draft.TimeBoxMinutes);
        Assert.True(draft.ParentsJoin);
    }

    [Fact]
    public void Normalize_NoFamilyViewOrTimeBox_EmptyViewAndTwentyMinutes()
    {
        var draft = new CaseDraft("2026-017").Normalize();

        Assert.Equal(20, draft.TimeBoxMinutes);
        Assert.True(draft.FamilyView!.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Normalize_NoCode_InvalidInput(string? code)
    {
        var ex = Given.Refused(MdoError.InvalidInput, () => new CaseDraft(code!).Normalize());
        Assert.Equal("code", ex.Field);
    }

    [Fact]
    public void Normalize_CodeLengthLimit_FortyAllowedFortyOneRefused()
    {
        Assert.Equal(40, new CaseDraft(new string('x', 40)).Normalize().Code.Length);
        Given.Refused(MdoError.InvalidInput, () => new CaseDraft(new string('x', 41)).Normalize());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(61)]
    [InlineData(0)]
    [InlineData(-20)]
    public void Normalize_TimeBoxOutOfRange_InvalidInput(int minutes)
    {
        var ex = Given.Refused(MdoError.InvalidInput, () => new CaseDraft("A", TimeBoxMinutes: minutes).Normalize());
        Assert.Equal("timeBoxMinutes", ex.Field);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public void Normalize_TimeBoxAtBounds_Accepted(int minutes)
    {
        Assert.Equal(minutes, new CaseDraft("A", TimeBoxMinutes: minutes).Normalize().TimeBoxMinutes);
    }

    [Fact]
    public void Normalize_QuestionTooLong_InvalidInput()
    {
        Assert.NotNull(new CaseDraft("A", Question: new string('q', 1000)).Normalize().Question);
        var ex = Given.Refused(MdoError.InvalidInput, () => new CaseDraft("A", Question: new string('q', 1001)).Normalize());
        Assert.Equal("question", ex.Field);
    }

    [Fact]
    public void Normalize_FamilyViewPartTooLong_InvalidInputNamesPart()
    {
        var view = new FamilyView(WhatTheyNeed: new string('n', 1001));
        var ex = Given.Refused(MdoError.InvalidInput, () => new CaseDraft("A", FamilyView: view).Normalize());
        Assert.Equal("familyView.whatTheyNeed", ex.Field);
    }

    [Fact]
    public void Normalize_PresenterWithoutId_InvalidInput()
    {
        Given.Refused(MdoError.InvalidInput, () => new CaseDraft("A", new Participant(" ", "x")).Normalize());
    }
}
