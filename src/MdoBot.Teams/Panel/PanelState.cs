using MdoBot.Domain.Mdo;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.Panel;

/// <summary>What the side panel (or, with <see cref="Stage"/>, the shared stage) shows; times are the server's.</summary>
public sealed record PanelState(
    string MdoId, long Version, string State, DateTimeOffset ServerNow, bool Stage, bool IsChair,
    IReadOnlyList<PanelCase> Cases, PanelCurrentCase? Current)
{
    /// <summary>
    /// Builds the view. The stage variant carries only pseudonymous case codes and times (it is shown on a
    /// shared screen); the side panel adds the current case's question, shared goal and open actions.
    /// </summary>
    public static PanelState Of(LoadedMdo loaded, DateTimeOffset now, TimeSpan warningLead, bool stage, bool isChair)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var mdo = loaded.Mdo;
        var nextId = mdo.NextPlannedCase?.Id;
        var cases = mdo.Cases.Select(c => new PanelCase(c.Id, c.Code, Place(c, nextId), c.PlannedMinutes)).ToList();
        var current = mdo.CurrentCase is { } c && mdo.CurrentClock(warningLead) is { } clock
            ? new PanelCurrentCase(
                c.Id, c.Code, clock.StartedAt, clock.WarningAt, clock.EndsAt, c.PlannedMinutes,
                stage ? null : c.Question, stage ? null : c.SharedGoal,
                stage ? [] : c.Actions.Where(IsOpen).Select(a => new PanelAction(a.Id, a.Owner.Name, a.Description, a.DueDate, a.Status.ToString())).ToList())
            : null;
        return new PanelState(mdo.Id, loaded.Version, mdo.State.ToString(), now, stage, !stage && isChair, cases, current);
    }

    private static bool IsOpen(MdoAction a) => a.Status is ActionStatus.Proposed or ActionStatus.Confirmed or ActionStatus.Declined;

    private static string Place(MdoCase c, string? nextId) => c.Status switch
    {
        CaseStatus.Done => "done",
        CaseStatus.Current => "current",
        _ when c.Id == nextId => "next",
        _ => "planned",
    };
}

/// <param name="Place">done, current, next or planned.</param>
public sealed record PanelCase(string Id, string Code, string Place, int Minutes);

public sealed record PanelCurrentCase(
    string Id, string Code, DateTimeOffset StartedAt, DateTimeOffset WarningAt, DateTimeOffset EndsAt, int Minutes,
    string? Question, string? SharedGoal, IReadOnlyList<PanelAction> Actions);

public sealed record PanelAction(string Id, string Owner, string Description, DateOnly Due, string Status);
