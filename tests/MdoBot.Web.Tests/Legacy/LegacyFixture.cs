using System.Globalization;
using System.Text.Json.Nodes;

namespace MdoBot.Web.Tests.Legacy;

/// <summary>
/// The database written by MdoBot v1 (<c>Legacy/mdobot-v1.db</c>, see <c>Legacy/README.md</c>) and what its
/// manifest (<c>mdobot-v1.expected.json</c>) says is in it.
/// </summary>
public sealed class LegacyFixture
{
    private LegacyFixture(JsonObject manifest) => Manifest = manifest;

    /// <summary>The fixture file in the test output; copy it (BotApp does) before opening it.</summary>
    public static string DatabasePath => Path.Combine(AppContext.BaseDirectory, "Legacy", "mdobot-v1.db");

    public JsonObject Manifest { get; }

    /// <summary>The test clock when v1 stopped: its stored timers all fall due after it.</summary>
    public DateTimeOffset Clock => DateTimeOffset.Parse((string)Manifest["clockUtc"]!, CultureInfo.InvariantCulture);

    public string ChatA => (string)Manifest["chatA"]!["conversationId"]!;

    public string ChatB => (string)Manifest["chatB"]!["conversationId"]!;

    public string ChatBMeeting => (string)Manifest["chatB"]!["meetingId"]!;

    /// <summary>The earlier, closed MDO of chat B (with the open action for Gezin C).</summary>
    public string ClosedMdoB => (string)Manifest["chatB"]!["closedMdoId"]!;

    /// <summary>The running MDO of chat B (Gezin C current, then Gezin D).</summary>
    public string RunningMdoB => (string)Manifest["chatB"]!["runningMdoId"]!;

    public string OpenActionText => (string)Manifest["chatB"]!["openAction"]!["text"]!;

    public long DocumentVersion(string kind, string id) =>
        (long)Manifest["documents"]!.AsArray().Single(d => (string?)d!["kind"] == kind && (string?)d["id"] == id)!["version"]!;

    /// <summary>Activities as v1 received them (their ids are in the v1 inbox), each with the inbox key and what it did.</summary>
    public IReadOnlyList<(string InboxKey, string About, JsonObject Activity)> Replay =>
        [.. Manifest["replay"]!.AsArray().Select(r => ((string)r!["inboxKey"]!, (string)r["about"]!, r["activity"]!.DeepClone().AsObject()))];

    public static LegacyFixture Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Legacy", "mdobot-v1.expected.json")))!.AsObject());
}
