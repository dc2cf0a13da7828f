using System.Globalization;
using MdoBot.Graph.Mail;

namespace MdoBot.Graph.Tests.Mail;

public sealed class MailSubjectsTests
{
    [Fact]
    public void Summary_MeetingDate_IsGenericDutchSubjectWithDayMonthYear() =>
        Assert.Equal("MDO-samenvatting 23-11-2026", MailSubjects.Summary(new DateOnly(2026, 11, 23)));

    [Fact]
    public void Invitation_MeetingDate_IsGenericDutchSubject() =>
        Assert.Equal("Uitnodiging MDO 01-02-2027", MailSubjects.Invitation(new DateOnly(2027, 2, 1)));

    [Theory]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void Summary_AnyCurrentCulture_UsesGregorianDayMonthYear(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal("MDO-samenvatting 23-11-2026", MailSubjects.Summary(new DateOnly(2026, 11, 23)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Subjects_OnlyTakeADate_SoTheyCannotCarryNamesOrCaseTitles()
    {
        // The API is the guarantee: no overload accepts text. Keep it that way.
        var parameters = typeof(MailSubjects).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .SelectMany(m => m.GetParameters());
        Assert.All(parameters, p => Assert.Equal(typeof(DateOnly), p.ParameterType));
        Assert.Matches(@"^[A-Za-z -]+ \d{2}-\d{2}-\d{4}$", MailSubjects.Summary(DateOnly.MaxValue));
    }
}
