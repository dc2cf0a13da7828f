using MdoBot.Domain.Mdo;

namespace MdoBot.Domain.Tests;

public sealed class AgendaTests
{
    [Fact]
    public void AddCase_Planned_AppendsPlannedCaseWithNextIdAndBumpsVersion()
    {
        var mdo = Given.PlannedMdo(cases: 1);
        var version = mdo.AgendaVersion;

        var added = mdo.AddCase(Given.Chair, Given.Draft(" Gezin Z "), version);

        Assert.Equal("c2", added.Id);
        Assert.Equal("Gezin Z", added.Code);
        Assert.Equal(CaseStatus.Planned, added.Status);
        Assert.Equal(Given.Pro, added.Presenter);
        Assert.Equal("Rust", added.FamilyView.WhatTheyWant);
        Assert.Same(added, mdo.Cases[^1]);
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void AddCase_CodeDiffersOnlyInCase_DuplicateCode()
    {
        var mdo = Given.PlannedMdo(cases: 1);

        var ex = Given.RefusedUnchanged(mdo, MdoError.DuplicateCode, () => mdo.AddCase(Given.Chair, Given.Draft("GEZIN a"), mdo.AgendaVersion));
        Assert.Equal("code", ex.Field);
    }

    [Fact]
    public void AddCase_InvalidDraft_InvalidInputAndNothingChanged()
    {
        var mdo = Given.PlannedMdo(cases: 1);

        Given.RefusedUnchanged(mdo, MdoError.InvalidInput, () => mdo.AddCase(Given.Chair, Given.Draft("X", timeBox: 90), mdo.AgendaVersion));
    }

    [Fact]
    public void AddCase_AtLimit_LimitReached()
    {
        var mdo = Given.PlannedMdo(cases: 0);
        for (var i = 0; i < MdoLimits.MaxCases; i++)
        {
            mdo.AddCase(Given.Chair, new CaseDraft($"Case {i}"), mdo.AgendaVersion);
        }

        Given.RefusedUnchanged(mdo, MdoError.LimitReached, () => mdo.AddCase(Given.Chair, new CaseDraft("One more"), mdo.AgendaVersion));
    }

    [Fact]
    public void AddCase_AfterRemove_IdIsNeverReused()
    {
        var mdo = Given.PlannedMdo(cases: 2);
        mdo.RemoveCase(Given.Chair, "c2", mdo.AgendaVersion);

        var added = mdo.AddCase(Given.Chair, Given.Draft("Gezin B"), mdo.AgendaVersion);

        Assert.Equal("c3", added.Id);
    }

    [Fact]
    public void EditCase_PlannedCase_ReplacesAgendaFieldsAndBumpsVersion()
    {
        var mdo = Given.PlannedMdo();
        var version = mdo.AgendaVersion;

        mdo.EditCase(Given.Chair, "c2", new CaseDraft("gezin b", null, "Nieuwe vraag", false, 30), version);

        var edited = mdo.FindCase("c2")!;
        Assert.Equal(("gezin b", "Nieuwe vraag", 30, false), (edited.Code, edited.Question, edited.TimeBoxMinutes, edited.ParentsJoin));
        Assert.Null(edited.Presenter);
        Assert.True(edited.FamilyView.IsEmpty);
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void EditCase_CodeOfAnotherCase_DuplicateCode()
    {
        var mdo = Given.PlannedMdo();

        Given.RefusedUnchanged(mdo, MdoError.DuplicateCode, () => mdo.EditCase(Given.Chair, "c2", Given.Draft("gezin c"), mdo.AgendaVersion));
    }

    [Fact]
    public void EditCase_UnknownCase_NotFound()
    {
        var mdo = Given.PlannedMdo();

        Given.RefusedUnchanged(mdo, MdoError.NotFound, () => mdo.EditCase(Given.Chair, "c9", Given.Draft("X"), mdo.AgendaVersion));
    }

    [Fact]
    public void RemoveCase_PlannedCase_RemovesAndBumpsVersion()
    {
        var mdo = Given.PlannedMdo();
        var version = mdo.AgendaVersion;

        mdo.RemoveCase(Given.Chair, "c2", version);

        Assert.Equal(["c1", "c3"], mdo.Cases.Select(c => c.Id));
        Assert.Equal(version + 1, mdo.AgendaVersion);
    }

    [Fact]
    public void RemoveCase_CaseWithActions_InvalidState()
    {
        var mdo = Given.PlannedMdo();
        mdo.AddAction(Given.Chair, "c2", Given.Pro, "Voorbereiden", Given.Today, Given.T0);

        Given.RefusedUnchanged(mdo, MdoError.InvalidState, () => mdo.RemoveCase(Given.Chair, "c2", mdo.AgendaVersion));
    }
}
