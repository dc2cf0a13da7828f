using Microsoft.Extensions.Logging;

namespace MdoBot.Graph.Attendance;

/// <summary>Used when Graph is not configured: always null, logged once per process.</summary>
public sealed class NullAttendanceReader(ILogger<NullAttendanceReader> logger) : IAttendanceReader
{
    private int _logged;

    public Task<IReadOnlyList<AttendanceEntry>?> GetAttendanceAsync(string organizerUserId, string meeting, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            GraphLog.AttendanceNotConfigured(logger);
        }

        return Task.FromResult<IReadOnlyList<AttendanceEntry>?>(null);
    }
}
