using System.Diagnostics;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// Who used the CPUs during one measured run, from /proc: the measured server's process, the
/// bench itself (load generator and fake connector), the other processes the bench started (idle
/// targets: MdoBot's background outbox, node, the floor), and everything else on the machine.
/// </summary>
public sealed class CpuWindow
{
    private readonly int _targetPid;
    private readonly int[] _otherPids;
    private readonly TimeSpan _target;
    private readonly TimeSpan _others;
    private readonly TimeSpan _bench;
    private readonly CpuSnapshot _machine;

    private CpuWindow(int targetPid, int[] otherPids)
    {
        _targetPid = targetPid;
        _otherPids = otherPids;
        _target = ProcFs.CpuTime(targetPid);
        _others = Sum(otherPids);
        _bench = Process.GetCurrentProcess().TotalProcessorTime;
        _machine = CpuSnapshot.Take();
    }

    public static CpuWindow Start(int targetPid, IReadOnlyList<int> startedPids) =>
        new(targetPid, startedPids.Where(p => p != targetPid).Distinct().ToArray());

    public CpuShare Stop(double seconds)
    {
        var machine = CpuSnapshot.Take().BusyCoresSince(_machine);
        var target = (ProcFs.CpuTime(_targetPid) - _target).TotalSeconds / seconds;
        var others = (Sum(_otherPids) - _others).TotalSeconds / seconds;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _bench).TotalSeconds / seconds;
        return new CpuShare(R(target), R(bench), R(others), R(Math.Max(0, machine - target - bench - others)), machine);
    }

    private static TimeSpan Sum(int[] pids) => pids.Aggregate(TimeSpan.Zero, (t, p) => t + ProcFs.CpuTime(p));

    private static double R(double v) => Math.Round(v, 2);
}

/// <summary>Cores used during a run: the target, the bench, the bench's other processes, everything else; and the whole machine.</summary>
public sealed record CpuShare(double Target, double Bench, double OtherStarted, double Rest, double MachineBusy);
