using MdoBot.BotFramework.Configuration;

namespace MdoBot.Teams.Tests.Configuration;

public sealed class TurnBudgetOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndTogetherWellUnderTeamsInvokeLimit()
    {
        var options = new TurnBudgetOptions();

        Assert.Null(options.Validate());
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectorToken + options.Members + options.MeetingParticipant + options.Graph);
    }

    [Theory]
    [InlineData("00:00:00.005")]
    [InlineData("00:00:11")]
    [InlineData("-00:00:01")]
    public void OneBudget_OutOfRange_IsRefused(string value)
    {
        var problem = new TurnBudgetOptions { Members = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) }.Validate();

        Assert.Equal("TurnBudget:Members must be between 10 ms and 10 s.", problem);
    }

    [Fact]
    public void Budgets_TogetherOver12Seconds_AreRefused()
    {
        var problem = new TurnBudgetOptions { Graph = TimeSpan.FromSeconds(7) }.Validate();

        Assert.NotNull(problem);
        Assert.Contains("must not exceed 12 s", problem, StringComparison.Ordinal);
    }
}
