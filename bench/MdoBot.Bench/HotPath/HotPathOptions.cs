using System.Globalization;

namespace MdoBot.Bench.HotPath;

/// <summary>Options of <c>--phase hotpath</c> (parsed by <see cref="BenchOptions"/>, which hands over what it does not know).</summary>
public sealed class HotPathOptions
{
    public const string Usage = """
        Hot path (--phase hotpath): MdoBot vs a Bot Framework JS SDK peer vs a bare Kestrel floor, case.save clicks
          --connections LIST  closed-loop HTTP/1.1 keep-alive connections, comma-separated  (default 50,200)
          --rounds R          interleaved rounds per connection count                       (default 3)
          --duration S        measured seconds per target and round                         (default 15 in this phase)
          --warmup S          unmeasured warm-up per target and round                       (default 3 in this phase)
          --chats N           meeting chats with a running MDO, clicks spread evenly        (default 200)
          --history N         as many chats again, each with N earlier closed MDOs: target "MdoBot history N"
          --stored-mdos N     two more MdoBots: a database with N closed MDOs in other chats vs one with 10
          --drain             after the rounds: a burst at the largest connection count, then time until the outbox is empty
          --sync MODE         MdoBot's Storage__SqliteSynchronous: NORMAL, FULL, or both (two MdoBot targets) (default NORMAL)
          --no-peer           skip the JS peer (e.g. when node is missing)
          --variant NAME=DLL  one more MdoBot target running another build's MdoBot.Web.dll (A/B of a code change in
                              one run: build it with `dotnet build -c Release src/MdoBot.Web -o DIR`), repeatable
        """;

    public List<int> Connections { get; private set; } = [50, 200];

    public int Rounds { get; private set; } = 3;

    public int Chats { get; private set; } = 200;

    public int History { get; private set; }

    public int StoredMdos { get; private set; }

    public bool Drain { get; private set; }

    public string Sync { get; private set; } = "NORMAL";

    public bool Peer { get; private set; } = true;

    /// <summary>--variant: more MdoBot targets, each another build (name, path of its MdoBot.Web.dll).</summary>
    public List<(string Name, string Dll)> Variants { get; } = [];

    /// <summary>The synchronous modes MdoBot's main targets run with.</summary>
    public IReadOnlyList<string> SyncModes => Sync == "both" ? ["NORMAL", "FULL"] : [Sync];

    public bool TryParse(string arg, Func<string> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        int Int() => int.Parse(next(), NumberStyles.None, CultureInfo.InvariantCulture);
        switch (arg)
        {
            case "--connections":
                Connections = next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(c => int.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
                break;
            case "--rounds": Rounds = Int(); break;
            case "--chats": Chats = Int(); break;
            case "--history": History = Int(); break;
            case "--stored-mdos": StoredMdos = Int(); break;
            case "--drain": Drain = true; break;
            case "--sync":
                var mode = next();
                Sync = mode.Equals("both", StringComparison.OrdinalIgnoreCase) ? "both" : mode.ToUpperInvariant();
                break;
            case "--no-peer": Peer = false; break;
            case "--variant":
                var spec = next().Split('=', 2);
                Variants.Add(spec.Length == 2 && spec[0].Length > 0 && File.Exists(spec[1])
                    ? (spec[0], Path.GetFullPath(spec[1]))
                    : throw new ArgumentException("--variant needs NAME=DLL, the path of an existing MdoBot.Web.dll"));
                break;
            default: return false;
        }

        return true;
    }

    public void Validate()
    {
        if (Connections.Count == 0 || Connections.Any(c => c < 1) || Rounds < 1 || Chats < 1 || History < 0 || StoredMdos < 0)
        {
            throw new ArgumentException("--connections, --rounds and --chats must be at least 1; --history and --stored-mdos not negative");
        }

        if (Sync is not ("NORMAL" or "FULL" or "both"))
        {
            throw new ArgumentException("--sync must be NORMAL, FULL or both");
        }
    }

    public object ToJson() => new
    {
        connections = Connections,
        rounds = Rounds,
        chats = Chats,
        history = History,
        storedMdos = StoredMdos,
        drain = Drain,
        sync = Sync,
        peer = Peer,
        variants = Variants.Select(v => new { name = v.Name, dll = v.Dll }),
    };
}
