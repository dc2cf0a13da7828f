using System.Globalization;
using MdoBot.Bench.HotPath;

namespace MdoBot.Bench;

/// <summary>Command-line options (see <see cref="Usage"/>).</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        MdoBot load bench: dotnet run -c Release --project bench/MdoBot.Bench -- [options]

          --mdos N          concurrent MDOs (closed-loop virtual chairs) in the load phase   (default 200)
          --duration S      measured seconds of the load phase                               (default 60)
          --warmup S        unmeasured warm-up seconds before it (JIT, pools)                (default 10)
          --think-ms MS     pause between two steps of a user, uniform 0.5–1.5 × MS (0 = none) (default 0)
          --timers N        MDOs started in the timer phase, 3 stored timers each            (default 1000)
          --timeups         timer phase: also wait for the time-up notices at +5 min (adds ~4 minutes)
          --phase P         load | timers | all | hotpath | soak (hotpath, soak not in all) (default all)
          --soak-minutes M  soak: minutes of mixed connector faults (429 bursts, 500s, hangs, an outage of up to 2 min) (default 10)
          --soak-conversations N  soak: meeting chats, each renamed every 2–4 s                 (default 20)
          --db-dir DIR      directory for the SQLite files (e.g. /dev/shm to take fsync out) (default: system temp)
          --out FILE        JSON result file                         (default bench/results/latest.json)
          --wait-quiet S    first wait up to S seconds for other processes to leave the CPUs idle     (default 0)
          --no-build        do not build src/MdoBot.Web in Release first
          --bot-dll FILE    run this MdoBot.Web.dll instead (e.g. an experimental build; implies --no-build)
          --bot-env K=V     extra environment for MdoBot, repeatable (e.g. Storage__SqliteSynchronous=FULL)
          --help
        """ + "\n\n" + HotPathOptions.Usage;

    public int Mdos { get; private set; } = 200;

    public int DurationSeconds { get; private set; } = 60;

    public int WarmupSeconds { get; private set; } = 10;

    /// <summary>Whether --duration / --warmup were given (the hot-path phase has its own defaults).</summary>
    public bool DurationSet { get; private set; }

    public bool WarmupSet { get; private set; }

    public HotPathOptions Hot { get; } = new();

    public bool RunHotPath => Phase == "hotpath";

    /// <summary>Measured and warm-up seconds per target and round in the hot-path phase (15 and 3 unless given).</summary>
    public int HotDurationSeconds => DurationSet ? DurationSeconds : 15;

    public int HotWarmupSeconds => WarmupSet ? WarmupSeconds : 3;

    public int ThinkMs { get; private set; }

    public int Timers { get; private set; } = 1000;

    public double SoakMinutes { get; private set; } = 10;

    public int SoakConversations { get; private set; } = 20;

    public bool RunSoak => Phase == "soak";

    public bool TimeUps { get; private set; }

    public string Phase { get; private set; } = "all";

    public string? DbDir { get; private set; }

    public string? Out { get; private set; }

    public bool Build { get; private set; } = true;

    public string? BotDll { get; private set; }

    public Dictionary<string, string> BotEnv { get; } = new(StringComparer.Ordinal);

    public bool Help { get; private set; }

    public int WaitQuietSeconds { get; private set; }

    public bool RunLoad => Phase is "all" or "load";

    public bool RunTimers => Phase is "all" or "timers";

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--mdos": o.Mdos = Int(); break;
                case "--duration": o.DurationSeconds = Int(); o.DurationSet = true; break;
                case "--warmup": o.WarmupSeconds = Int(); o.WarmupSet = true; break;
                case "--think-ms": o.ThinkMs = Int(); break;
                case "--timers": o.Timers = Int(); break;
                case "--timeups": o.TimeUps = true; break;
                case "--soak-minutes": o.SoakMinutes = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--soak-conversations": o.SoakConversations = Int(); break;
                case "--phase": o.Phase = Next(); break;
                case "--db-dir": o.DbDir = Next(); break;
                case "--out": o.Out = Next(); break;
                case "--no-build": o.Build = false; break;
                case "--bot-dll": o.BotDll = Next(); o.Build = false; break;
                case "--bot-env":
                    var kv = Next().Split('=', 2);
                    o.BotEnv[kv[0]] = kv.Length == 2 ? kv[1] : throw new ArgumentException("--bot-env needs KEY=VALUE");
                    break;
                case "--wait-quiet": o.WaitQuietSeconds = Int(); break;
                case "--help" or "-h": o.Help = true; break;
                case var other when o.Hot.TryParse(other, Next): break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        if (o.Phase is not ("all" or "load" or "timers" or "hotpath" or "soak"))
        {
            throw new ArgumentException("--phase must be load, timers, all, hotpath or soak");
        }

        if (o.SoakMinutes is < 0.5 or > 24 * 60 || o.SoakConversations is < 1 or > 500)
        {
            throw new ArgumentException("--soak-minutes must be between 0.5 and 1440, --soak-conversations between 1 and 500");
        }

        o.Hot.Validate();

        if (o.Mdos < 1 || o.DurationSeconds < 1 || o.Timers < 1)
        {
            throw new ArgumentException("--mdos, --duration and --timers must be at least 1");
        }

        return o;
    }

    public object ToJson() => new
    {
        mdos = Mdos,
        durationSeconds = RunHotPath ? HotDurationSeconds : DurationSeconds,
        warmupSeconds = RunHotPath ? HotWarmupSeconds : WarmupSeconds,
        thinkMs = ThinkMs,
        timers = Timers,
        timeUps = TimeUps,
        phase = Phase,
        dbDir = DbDir,
        botDll = BotDll,
        botEnv = BotEnv,
        hotPath = RunHotPath ? Hot.ToJson() : null,
    };
}
