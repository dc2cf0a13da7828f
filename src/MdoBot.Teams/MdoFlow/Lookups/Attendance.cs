using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.MdoFlow.Pipeline;

namespace MdoBot.Teams.MdoFlow.Lookups;

/// <summary>One attendee of a Teams meeting (from the attendance report), for the summary only; never stored.</summary>
public sealed record AttendanceLine(string Name, int Minutes);

/// <summary>Where attendance comes from (the Microsoft Graph attendance report in production).</summary>
public interface IAttendanceSource
{
    /// <summary>Null when the meeting, the report or the permission is not available: then the summary simply has no attendance.</summary>
    Task<IReadOnlyList<AttendanceLine>?> GetAsync(string organizerAadObjectId, string joinUrl, CancellationToken ct);
}

public sealed class NoAttendanceSource : IAttendanceSource
{
    public Task<IReadOnlyList<AttendanceLine>?> GetAsync(string organizerAadObjectId, string joinUrl, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AttendanceLine>?>(null);
}

public static class AttendanceTimer
{
    public const string Kind = "mdo.attendance";

    /// <summary>The attendance report exists only after the meeting ended: look a little later.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(10);

    public static void Schedule(MdoContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.MdoConversation.MeetingId is null)
        {
            return;
        }

        ctx.Turn.Changes.Schedule(new TimerRecord($"attendance:{ctx.Mdo.Id}", Kind, ctx.Now + Delay, ctx.Mdo.ConversationId,
            JsonSerializer.Serialize(new { mdoId = ctx.Mdo.Id })));
    }
}
