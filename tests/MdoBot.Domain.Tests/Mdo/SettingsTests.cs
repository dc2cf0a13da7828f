using System.Text.Json;
using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("EN", "en")]
    [InlineData("en-US", "en")]
    [InlineData("nl_BE", "nl")]
    [InlineData("fr", null)]
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void NormalizeLanguage_Code_SupportedOrNull(string? code, string? expected) =>
        Assert.Equal(expected, Mdo.Mdo.NormalizeLanguage(code));

    [Fact]
    public void Create_UnsupportedLocale_Dutch()
    {
        var mdo = Mdo.Mdo.Create("m1", "conv", "MDO", Given.Chair, Given.T0, languageCode: "de-DE");

        Assert.Equal("nl", mdo.LanguageCode);
    }

    [Fact]
    public void StoredBeforeLanguageExisted_NoField_ReadsAsNull()
    {
        var json = Given.Snapshot(Given.PlannedMdo()).Replace("\"languageCode\":\"nl\",", string.Empty, StringComparison.Ordinal);

        var mdo = JsonSerializer.Deserialize<Mdo.Mdo>(json, Given.Web)!;

        Assert.DoesNotContain("languageCode", json, StringComparison.Ordinal);
        Assert.Null(mdo.LanguageCode);
        Assert.Empty(mdo.PersonalLanguages);
        Assert.False(mdo.SetLanguage(Given.Chair, "nl")); // already Dutch: nothing to change
    }

    [Fact]
    public void SetLanguage_Unsupported_InvalidInputAndNothingChanged()
    {
        var mdo = Given.RunningWithActions();

        var ex = Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.SetLanguage(Given.Chair, "klingon"));

        Assert.Equal("language", ex.Field);
    }

    [Fact]
    public void TakeMeetingTitle_AfterChairChoseTitle_Ignored()
    {
        var mdo = Given.PlannedMdo();
        Assert.True(mdo.TakeMeetingTitle("Standup"));
        Assert.Equal("Standup", mdo.Title);

        mdo.SetTitle(Given.Chair, "MDO Jeugd Zuid");

        Assert.False(mdo.TakeMeetingTitle("Weekly"));
        Assert.Equal("MDO Jeugd Zuid", mdo.Title);
    }

    [Fact]
    public void SetTitle_Blank_InvalidInputAndNothingChanged()
    {
        var mdo = Given.PlannedMdo();

        var ex = Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.SetTitle(Given.Chair, "  "));

        Assert.Equal("title", ex.Field);
    }

    [Fact]
    public void RememberPersonalLanguage_UserAndLocale_KeptUntilErasure()
    {
        var mdo = Given.RunningWithActions();

        Assert.True(mdo.RememberPersonalLanguage(Given.Pro.Id, "en-GB"));
        Assert.False(mdo.RememberPersonalLanguage(Given.Pro.Id, "en-US"));
        Assert.False(mdo.RememberPersonalLanguage(Given.Nurse.Id, "fr-FR"));
        Assert.Equal("en", mdo.PersonalLanguageOf(Given.Pro.Id));
        Assert.Null(mdo.PersonalLanguageOf(Given.Nurse.Id));

        mdo.EraseAll(Given.Chair, Given.At(60));

        Assert.Empty(mdo.PersonalLanguages);
    }

    [Fact]
    public void Summary_ExtendedCase_TimeBoxAndExtensionApart()
    {
        var mdo = Given.RunningMdo();
        mdo.Extend(Given.Chair, 5, Given.At(10), mdo.CurrentCaseId);

        var first = mdo.Summary().Cases[0];

        Assert.Equal((20, 5, 25), (first.TimeBoxMinutes, first.ExtensionMinutes, first.PlannedMinutes));
        Assert.Equal((60, 5), (mdo.Summary().TimeBoxMinutes, mdo.Summary().ExtensionMinutes));
    }
}
