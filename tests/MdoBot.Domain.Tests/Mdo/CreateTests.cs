using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class CreateTests
{
    [Fact]
    public void Create_ValidInput_PlannedWithCreatorAsFirstChair()
    {
        var mdo = Mdo.Mdo.Create("m1", "conv", "  MDO november ", Given.Chair, Given.T0, Given.At(60), Given.At(120));

        Assert.Equal(MdoState.Planned, mdo.State);
        Assert.Equal("MDO november", mdo.Title);
        Assert.Equal([Given.Chair], mdo.Chairs);
        Assert.True(mdo.IsChair(Given.Chair.Id));
        Assert.Empty(mdo.Cases);
        Assert.Equal(1, mdo.AgendaVersion);
        Assert.Equal(Given.T0, mdo.CreatedAt);
        Assert.Null(mdo.CurrentCase);
        Assert.Null(mdo.CurrentClock());
    }

    [Theory]
    [InlineData("", "conv", "title", "id")]
    [InlineData("m1", " ", "title", "conversationId")]
    [InlineData("m1", "conv", "  ", "title")]
    public void Create_MissingText_InvalidInput(string id, string conversationId, string title, string field)
    {
        var ex = Given.Refused(MdoError.InvalidInput, () => Mdo.Mdo.Create(id, conversationId, title, Given.Chair, Given.T0));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Create_CreatorWithoutId_InvalidInput()
    {
        Given.Refused(MdoError.InvalidInput, () => Mdo.Mdo.Create("m1", "conv", "t", new Participant("", "x"), Given.T0));
    }

    [Fact]
    public void Create_EndNotAfterStart_InvalidInput()
    {
        Given.Refused(MdoError.InvalidInput, () => Mdo.Mdo.Create("m1", "conv", "t", Given.Chair, Given.T0, Given.At(60), Given.At(60)));
    }

    [Fact]
    public void AddChair_ByChair_NewChairCanUseChairOperations()
    {
        var mdo = Given.PlannedMdo();

        Assert.True(mdo.AddChair(Given.Chair, Given.Nurse));
        mdo.SetMeetingLength(Given.Nurse, 90);

        Assert.Equal([Given.Chair, Given.Nurse], mdo.Chairs);
        Assert.Equal(90, mdo.MeetingLengthMinutes);
    }

    [Fact]
    public void AddChair_AlreadyChair_ReturnsFalseAndNoDuplicate()
    {
        var mdo = Given.PlannedMdo();

        Assert.False(mdo.AddChair(Given.Chair, Given.Chair with { Name = "Other name" }));

        Assert.Single(mdo.Chairs);
    }

    [Fact]
    public void AddChair_AtLimit_LimitReached()
    {
        var mdo = Given.PlannedMdo();
        for (var i = 1; i < MdoLimits.MaxChairs; i++)
        {
            mdo.AddChair(Given.Chair, new Participant($"29:c{i}", $"Chair {i}"));
        }

        Given.RefusedUnchanged(mdo, MdoError.LimitReached, () => mdo.AddChair(Given.Chair, Given.Nurse));
    }
}
