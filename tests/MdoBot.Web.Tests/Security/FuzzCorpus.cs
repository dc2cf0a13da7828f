using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MdoBot.Web.Tests.Security;

/// <summary>One body to post, with what produced it.</summary>
public sealed record FuzzCase(int Number, string Kind, byte[] Body, string? Authorization = null, string ContentType = "application/json")
{
    /// <summary>The activity type and invoke name as MdoBot would read them, when the body parses at all.</summary>
    public (string? Type, string? Name) Peek()
    {
        try
        {
            var node = JsonNode.Parse(Body);
            return node is JsonObject o
                ? (o["type"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts : null,
                   o["name"] is JsonValue n && n.TryGetValue<string>(out var ns) ? ns : null)
                : (null, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, null);
        }
    }
}

/// <summary>What the corpus builds on: the real captures, and the real card data of an MDO in progress.</summary>
public sealed record FuzzContext(
    string ServiceUrl,
    string ConversationId,
    string MeetingId,
    string MdoId,
    IReadOnlyList<(string Name, JsonObject Activity)> Fixtures,
    IReadOnlyDictionary<string, List<JsonObject>> VerbData,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Commands,
    IReadOnlyList<(string Id, string Name)> Users);

/// <summary>
/// Builds a deterministic corpus of random and mutated activity bodies for <c>POST /api/messages</c>:
/// mutated Playground captures, card actions with garbage data for every real verb, typed commands
/// with garbage arguments, broken encodings and structures, and plain random bytes.
/// </summary>
public sealed class FuzzCorpus(FuzzContext ctx, int seed)
{
    /// <summary>MdoBot's body size limit (InboundReader.MaxBodyBytes); bodies are made just below and just above it.</summary>
    public const int Limit = MdoBot.BotFramework.Hosting.InboundReader.MaxBodyBytes;

    private const string RawMark = "__RAW_SLOT__";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Nasty =
    [
        "", " ", "\u0000", "\t\r\n", "null", "undefined", "NaN", "-0", "1e309", "0x10", "[]", "{}", "<at>", "</at>", "<at></at>", "&lt;at&gt;MdoBot&lt;/at&gt;",
        "&#0;", "&amp;&amp;", "'; DROP TABLE documents; --", "\" OR 1=1 --", "%s%s%s%n", "{0}{1}", "${jndi:ldap://x}", "../../etc/passwd",
        "C:\\con\\aux", "\u202Egnp.exe", "Z\u0351\u0352\u0353a\u0354\u0355lgo", "😀👩‍👩‍👧‍👦", "\uFEFF", "\u200B", "ﷺ", "İıŞş", "日本語", "\u00A0", "@", "@@", "voor", " by ",
        "19:meeting_mdotest@thread.v2", "a1", "c1", "c999", "a-1", "29:chair-anna", "29:nurse-bram", "help", "agenda", "afronden",
    ];

    private static readonly string[] UnknownVerbs = ["doExec", "agenda", "mdo", "mdo.start ", "MDO.START", "mdo.restart", "case.delete", "action.confirm.all", "admin.export", "", "help.show\u0000", "__proto__", "constructor"];

    private static readonly string[] ActivityTypes =
        ["message", "invoke", "event", "conversationUpdate", "installationUpdate", "messageReaction", "typing", "endOfConversation", "messageUpdate", "messageDelete", "trace", "handoff", "Message", "INVOKE", "", " "];

    private static readonly string[] InvokeNames =
        ["adaptiveCard/action", "composeExtension/query", "task/fetch", "task/submit", "signin/verifyState", "fileConsent/invoke", "actionableMessage/executeAction", "config/fetch", "healthCheck", "", "ADAPTIVECARD/ACTION"];

    private readonly Random _rnd = new(seed);
    private int _number;

    /// <summary>Builds <paramref name="count"/> cases; the mix is fixed by weight, the content by the seed.</summary>
    public List<FuzzCase> Build(int count)
    {
        var cases = new List<FuzzCase>(count);
        var verbRound = 0;
        var commandRound = 0;
        while (cases.Count < count)
        {
            var roll = _rnd.Next(100);
            var c = roll switch
            {
                < 30 => FixtureMutation(),
                < 55 => VerbGarbage(verbRound++),
                < 75 => CommandGarbage(commandRound++),
                < 92 => Structural(),
                _ => RandomBytes(),
            };
            if (_rnd.Next(100) < 3)
            {
                c = c with { Authorization = _rnd.Next(3) switch { 0 => "Bearer abc.def.ghi", 1 => "Basic dXNlcjpwYXNz", _ => "Bearer " + RandomAscii(_rnd.Next(1, 400)) } };
            }

            if (_rnd.Next(100) < 2)
            {
                c = c with { ContentType = _rnd.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded" };
            }

            cases.Add(c);
        }

        return cases;
    }

    // ---- mutated real captures ----

    private FuzzCase FixtureMutation()
    {
        var (name, fixture) = ctx.Fixtures[_rnd.Next(ctx.Fixtures.Count)];
        var a = fixture.DeepClone().AsObject();
        a["serviceUrl"] = ctx.ServiceUrl;
        a["id"] = NewId();
        if (_rnd.Next(5) != 0)
        {
            PointAtMdoConversation(a, RandomUser());
        }

        var raws = new List<byte[]>();
        var mutations = _rnd.Next(1, 5);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(a, raws);
        }

        return Case("fixture:" + name, a, raws);
    }

    private void PointAtMdoConversation(JsonObject a, (string Id, string Name) user)
    {
        a["conversation"] = new JsonObject
        {
            ["id"] = ctx.ConversationId, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = "72f988bf-0000-0000-0000-000000000001",
        };
        a["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        a["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-0000-0000-000000000001" },
            ["meeting"] = new JsonObject { ["id"] = ctx.MeetingId },
        };
        a["locale"] = _rnd.Next(4) == 0 ? "en-US" : "nl-NL";
    }

    /// <summary>One random change anywhere in the activity (fields dropped, duplicated, retyped, replaced, grown).</summary>
    private void Mutate(JsonObject root, List<byte[]> raws)
    {
        var target = RandomContainer(root);
        switch (_rnd.Next(12))
        {
            case 0 when target is JsonObject o && o.Count > 0:
                o.Remove(o.ElementAt(_rnd.Next(o.Count)).Key);
                break;
            case 1 when target is JsonObject o && o.Count > 0:
                {
                    var (key, value) = o.ElementAt(_rnd.Next(o.Count));
                    o[key + (_rnd.Next(2) == 0 ? string.Empty : "_")] = value?.DeepClone();
                    o[key.ToUpperInvariant()] = value?.DeepClone();
                    break;
                }

            case 2 or 3 when target is JsonObject o && o.Count > 0:
                o[o.ElementAt(_rnd.Next(o.Count)).Key] = RandomValue(0);
                break;
            case 4 when target is JsonArray arr && arr.Count > 0:
                arr[_rnd.Next(arr.Count)] = RandomValue(0);
                break;
            case 5 when target is JsonArray arr:
                arr.Add(RandomValue(0));
                break;
            case 6:
                root[Pick(["type", "name", "text", "value", "channelData", "entities", "from", "recipient", "conversation", "id", "locale", "timestamp", "replyToId", "membersAdded", "attachments", "action"])] = RandomValue(0);
                break;
            case 7:
                root["type"] = JsonValue.Create(Pick(ActivityTypes));
                root["name"] = _rnd.Next(2) == 0 ? JsonValue.Create(Pick(InvokeNames)) : RandomValue(1);
                break;
            case 8 when target is JsonObject o:
                o[RandomString(1, 12)] = RandomValue(0);
                break;
            case 9 when target is JsonObject o && o.Count > 0:
                {
                    var raw = RawValue();
                    o[o.ElementAt(_rnd.Next(o.Count)).Key] = RawMark + raws.Count;
                    raws.Add(raw);
                    break;
                }

            case 10:
                root["text"] = Pick(Nasty) + " " + Pick(ctx.Commands) + " " + RandomString(0, 40);
                break;
            default:
                root["value"] = _rnd.Next(2) == 0 ? RandomValue(0) : new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = PickVerb(), ["data"] = RandomValue(0) } };
                break;
        }
    }

    /// <summary>A random object or array anywhere in the tree (the root included).</summary>
    private JsonNode RandomContainer(JsonObject root)
    {
        var containers = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    containers.Add(o);
                    foreach (var p in o)
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonArray a:
                    containers.Add(a);
                    foreach (var e in a)
                    {
                        Walk(e);
                    }

                    break;
            }
        }

        Walk(root);
        return containers[_rnd.Next(containers.Count)];
    }

    // ---- card actions with garbage data for every real verb ----

    private FuzzCase VerbGarbage(int round)
    {
        var verb = _rnd.Next(10) == 0 ? Pick(UnknownVerbs) : ctx.Verbs[round % ctx.Verbs.Count];
        var data = ctx.VerbData.TryGetValue(verb, out var templates) && templates.Count > 0
            ? templates[_rnd.Next(templates.Count)].DeepClone().AsObject()
            : new JsonObject { ["verb"] = verb, ["mdoId"] = ctx.MdoId, ["caseId"] = "c1", ["actionId"] = "a1", ["currentMdoId"] = ctx.MdoId };
        data["verb"] = verb;
        var raws = new List<byte[]>();
        var changes = _rnd.Next(1, 4);
        for (var i = 0; i < changes; i++)
        {
            var key = _rnd.Next(4) == 0 ? RandomString(1, 10) : data.Count > 0 ? data.ElementAt(_rnd.Next(data.Count)).Key : "mdoId";
            data[key] = _rnd.Next(8) switch
            {
                0 => null,
                1 => RandomNumberNode(),
                2 => JsonValue.Create(Pick(Nasty)),
                3 => JsonValue.Create(RandomString(0, 60)),
                4 => JsonValue.Create(new string(Pick(['a', 'ü', '9', ' ', '<']), _rnd.Next(1000, 6000))),
                5 when raws.Count < 2 => RawSlot(raws, RawValue()),
                _ => RandomValue(1),
            };
        }

        var user = RandomUser();
        var asSubmit = _rnd.Next(5) == 0;
        var a = Base(asSubmit ? "groupchat-message-actionSubmit" : "groupchat-invoke-adaptiveCardAction", user);
        if (asSubmit)
        {
            a["value"] = data;
            a.Remove("text");
        }
        else
        {
            var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data };
            switch (_rnd.Next(12))
            {
                case 0:
                    action["verb"] = RandomValue(1);
                    break;
                case 1:
                    action["data"] = RandomValue(1);
                    break;
                case 2:
                    action["type"] = RandomValue(1);
                    break;
                case 3:
                    a["value"] = _rnd.Next(2) == 0 ? RandomValue(0) : new JsonObject { ["action"] = RandomValue(1) };
                    a["name"] = "adaptiveCard/action";
                    return Case("verb:" + verb, a, raws);
            }

            a["value"] = new JsonObject { ["action"] = action, ["trigger"] = "manual" };
            a["name"] = _rnd.Next(15) == 0 ? Pick(InvokeNames) : "adaptiveCard/action";
        }

        return Case((asSubmit ? "submit:" : "verb:") + verb, a, raws);
    }

    // ---- typed commands with garbage arguments ----

    private FuzzCase CommandGarbage(int round)
    {
        var word = _rnd.Next(5) == 0 ? RandomString(1, 12) : ctx.Commands[round % ctx.Commands.Count];
        var args = _rnd.Next(11) switch
        {
            0 => string.Empty,
            1 => RandomString(0, 80),
            2 => Pick(["0", "-1", "-2147483648", "2147483647", "2147483648", "99999999999999999999", "1e9", "5.5", "٣", "+5", "05", "1 2 3", "NaN", "∞"]),
            3 => "@x " + RandomString(1, 20) + " voor " + Pick(["31-02-2026", "0-0-0", "29-2-2027", "1-1-10000", "volgende week", "morgen", "1/13/2026", "2026-12-01", "32-1", "", "voor"]),
            4 => string.Concat(Enumerable.Repeat(Pick(["<at>", "</at>", "<at>x", "&amp;", "@", " voor ", " by "]), _rnd.Next(10, 400))),
            5 => Pick(Nasty),
            6 => new string('x', _rnd.Next(1000, 50_000)),
            7 => "<at>" + RandomString(0, 20) + "</at> " + RandomString(0, 40),
            8 => "Gezin A",
            9 => Pick(ctx.Commands),
            _ => RandomString(0, 20) + " " + RandomNumber().ToString(CultureInfo.InvariantCulture),
        };
        var user = RandomUser();
        var a = Base("groupchat-message-mention", user);
        var botId = (string?)a["recipient"]?["id"];
        a["text"] = _rnd.Next(4) switch
        {
            0 => $"{word} {args}",
            1 => $"<at>MdoBot</at>{Pick([" ", "\n", "\t", "&nbsp;", string.Empty])}{word} {args}",
            2 => $"<at>MdoBot</at> {word.ToUpperInvariant()} {args}",
            _ => $"<at>MdoBot</at> {word} {args}",
        };
        var entities = new JsonArray
        {
            new JsonObject { ["type"] = "mention", ["text"] = "<at>MdoBot</at>", ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = "MdoBot" } },
        };
        if (_rnd.Next(3) == 0)
        {
            var mentioned = RandomUser();
            entities.Add(_rnd.Next(4) switch
            {
                0 => new JsonObject { ["type"] = "mention", ["text"] = $"<at>{mentioned.Name}</at>", ["mentioned"] = new JsonObject { ["id"] = mentioned.Id, ["name"] = mentioned.Name } },
                1 => new JsonObject { ["type"] = "mention", ["text"] = RandomValue(1), ["mentioned"] = RandomValue(1) },
                2 => RandomValue(0),
                _ => new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = RandomString(0, 30), ["name"] = RandomValue(1) } },
            });
        }

        a["entities"] = entities;
        return Case("command:" + (ctx.Commands.Contains(word) ? word : "random"), a, []);
    }

    // ---- broken structure and encoding ----

    private FuzzCase Structural()
    {
        var a = Base(Pick(["groupchat-message-mention", "groupchat-invoke-adaptiveCardAction", "meetingchat-event-meetingStart-injected", "personal-message"]), RandomUser());
        if ((string?)a["type"] == "invoke")
        {
            var verb = PickVerb();
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["verb"] = verb, ["mdoId"] = ctx.MdoId } } };
        }

        var json = Encoding.UTF8.GetBytes(a.ToJsonString(Compact));
        switch (_rnd.Next(13))
        {
            case 0: // truncated
                return new FuzzCase(++_number, "structural:truncated", json[.._rnd.Next(json.Length)]);
            case 1: // an invalid UTF-8 sequence somewhere
                {
                    var bytes = json.ToList();
                    var at = _rnd.Next(bytes.Count);
                    bytes.InsertRange(at, InvalidUtf8());
                    return new FuzzCase(++_number, "structural:invalidUtf8Anywhere", [.. bytes]);
                }

            case 2: // an invalid UTF-8 sequence inside a string value (also deep in value / channelData / entities)
                {
                    var slot = Pick(["text", "value", "channelData", "entities", "name", "locale", "id", "replyToId", "action"]);
                    var raws = new List<byte[]>();
                    a[slot] = RawMark + "0";
                    raws.Add(_rnd.Next(3) switch
                    {
                        0 => [(byte)'"', .. "ab"u8, .. InvalidUtf8(), (byte)'"'],
                        1 => [.. "{\"action\":{\"type\":\"Action.Execute\",\"verb\":\""u8, .. InvalidUtf8(), .. "\",\"data\":{\"verb\":\"x\"}}}"u8],
                        _ => [.. "{\"meeting\":{\"id\":\""u8, .. InvalidUtf8(), .. "\"},\"tenant\":{\"id\":\"t\"}}"u8],
                    });
                    return Case("structural:invalidUtf8InString:" + slot, a, raws);
                }

            case 3: // deep nesting
                {
                    var depth = Pick([10, 60, 63, 64, 65, 100, 1000, 5000]);
                    var slot = Pick(["value", "channelData", "entities", "text", "from"]);
                    var raws = new List<byte[]> { DeepNesting(depth) };
                    a[slot] = RawMark + "0";
                    return Case($"structural:deep{depth}", a, raws);
                }

            case 4: // size right around the 256 KB limit
                {
                    var slot = Pick(["text", "channelData", "value", "summary"]);
                    a[slot] = string.Empty;
                    var baseLength = Encoding.UTF8.GetByteCount(a.ToJsonString(Compact));
                    var target = Limit + _rnd.Next(-300, 300);
                    var fill = Math.Max(0, target - baseLength);
                    a[slot] = slot == "text" && _rnd.Next(2) == 0
                        ? string.Concat(Enumerable.Repeat("<at>", fill / 4)) + new string('a', fill % 4)
                        : new string(Pick(['a', ' ', '.']), fill);
                    if (slot is "channelData" or "value")
                    {
                        a[slot] = new JsonObject { ["pad"] = new string('z', Math.Max(0, fill - 10)) };
                    }

                    return Case("structural:nearLimit", a, []);
                }

            case 5: // far over the limit
                return new FuzzCase(++_number, "structural:overLimit", [.. json, .. Encoding.UTF8.GetBytes(new string(' ', Limit + _rnd.Next(1, 100_000)))]);
            case 6: // non-object roots and literals
                return new FuzzCase(++_number, "structural:root", Encoding.UTF8.GetBytes(Pick(["", " ", "null", "true", "0", "[]", "[{}]", "\"message\"", "{}", "{\"type\":null}", "{\"type\":\"message\"}", "NaN", "{\"type\":\"message\",}", "/* */{}", "\uFEFF{}"])));
            case 7: // trailing garbage / two documents
                {
                    var second = "\n" + Encoding.UTF8.GetString(json);
                    return new FuzzCase(++_number, "structural:trailing", [.. json, .. Encoding.UTF8.GetBytes(Pick(["}", "]", ",", "{}", " x", "\u0000", second]))]);
                }

            case 8: // duplicate keys with different types
                {
                    var text = Encoding.UTF8.GetString(json);
                    var key = Pick(["type", "conversation", "serviceUrl", "value", "recipient", "id", "from", "text"]);
                    var dup = $"\"{key}\":{RandomValue(0)?.ToJsonString(Compact) ?? "null"},";
                    return new FuzzCase(++_number, "structural:duplicateKey:" + key, Encoding.UTF8.GetBytes("{" + dup + text[1..]));
                }

            case 9: // lone surrogates and odd escapes in strings
                {
                    var slot = Pick(["text", "id", "name", "locale", "serviceUrl"]);
                    var raws = new List<byte[]> { Encoding.UTF8.GetBytes("\"" + Pick(["\\uD800", "\\uDC00x", "\\uD800\\uD800", "\\u0000", "\\x41", "\\", "\\u12", "\\uZZZZ"]) + "\"") };
                    a[slot] = RawMark + "0";
                    return Case("structural:escape:" + slot, a, raws);
                }

            case 10: // BOM, UTF-16, whitespace
                return new FuzzCase(++_number, "structural:encoding", _rnd.Next(3) switch
                {
                    0 => [0xEF, 0xBB, 0xBF, .. json],
                    1 => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(json)),
                    _ => [.. "\r\n\t "u8, .. json, .. "\r\n"u8],
                });
            case 11: // bad serviceUrl values
                a["serviceUrl"] = Pick<JsonNode?>([
                    "file:///etc/passwd", "ftp://127.0.0.1/", "javascript:alert(1)", "http://", "//127.0.0.1/", ctx.ServiceUrl + "?x=1",
                    ctx.ServiceUrl + "#frag", ctx.ServiceUrl.ToUpperInvariant(), "http://[::1", " " + ctx.ServiceUrl, null, 5, new JsonArray(),
                ]);
                return Case("structural:serviceUrl", a, []);
            default: // numbers out of range / wrong types in typed fields
                a[Pick(["timestamp", "localTimestamp", "from", "recipient", "conversation", "membersAdded", "attachments", "entities", "textFormat", "replyToId"])] =
                    Pick<JsonNode?>(["not a date", "9999-99-99", 1e308, -1, true, new JsonArray(1, 2), new JsonObject(), "", JsonValue.Create(long.MaxValue)]);
                return Case("structural:types", a, []);
        }
    }

    private FuzzCase RandomBytes()
    {
        var length = _rnd.Next(0, 4096);
        var bytes = new byte[length];
        _rnd.NextBytes(bytes);
        if (_rnd.Next(2) == 0)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)_rnd.Next(32, 127);
            }

            if (bytes.Length > 0)
            {
                bytes[0] = (byte)'{';
            }
        }

        return new FuzzCase(++_number, "randomBytes", bytes);
    }

    // ---- helpers ----

    private JsonObject Base(string fixture, (string Id, string Name) user)
    {
        var a = ctx.Fixtures.First(f => f.Name == fixture).Activity.DeepClone().AsObject();
        a["serviceUrl"] = ctx.ServiceUrl;
        a["id"] = NewId();
        PointAtMdoConversation(a, user);
        if (_rnd.Next(40) == 0)
        {
            a["conversation"]!["id"] = "19:fuzz-" + _rnd.Next(10) + "@thread.v2";
        }

        return a;
    }

    private FuzzCase Case(string kind, JsonObject activity, List<byte[]> raws)
    {
        var json = activity.ToJsonString(Compact);
        if (raws.Count == 0)
        {
            return new FuzzCase(++_number, kind, Encoding.UTF8.GetBytes(json));
        }

        var bytes = new List<byte>(json.Length + 64);
        var rest = json;
        for (var i = raws.Count - 1; i >= 0; i--)
        {
            // Replace each quoted placeholder with its raw bytes (which may be invalid JSON or UTF-8 on purpose).
            var mark = "\"" + RawMark + i + "\"";
            var at = rest.IndexOf(mark, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            rest = rest[..at] + "\u0001" + i + "\u0001" + rest[(at + mark.Length)..];
        }

        foreach (var part in rest.Split('\u0001'))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && slot < raws.Count && part.Length <= 2)
            {
                bytes.AddRange(raws[slot]);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(part));
            }
        }

        return new FuzzCase(++_number, kind, [.. bytes]);
    }

    private static JsonNode RawSlot(List<byte[]> raws, byte[] raw)
    {
        raws.Add(raw);
        return JsonValue.Create(RawMark + (raws.Count - 1))!;
    }

    private byte[] RawValue() => _rnd.Next(4) switch
    {
        0 => [(byte)'"', .. "x"u8, .. InvalidUtf8(), (byte)'"'],
        1 => DeepNesting(Pick([63, 64, 65, 200])),
        2 => Encoding.UTF8.GetBytes(Pick(["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "0.00000000000000000000000000001", "123456789012345678901234567890", "-0"])),
        _ => Encoding.UTF8.GetBytes("\"" + Pick(["\\uD800", "\\uDFFF", "\\u0000"]) + "\""),
    };

    private byte[] InvalidUtf8() => Pick<byte[]>([[0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]]);

    private byte[] DeepNesting(int depth)
    {
        var open = _rnd.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
    }

    private JsonNode? RandomValue(int depth) => _rnd.Next(depth > 3 ? 6 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(_rnd.Next(2) == 0),
        2 => RandomNumberNode(),
        3 or 4 => JsonValue.Create(_rnd.Next(3) == 0 ? Pick(Nasty) : RandomString(0, 30)),
        5 => JsonValue.Create(Pick(ctx.Verbs)),
        6 => new JsonArray([.. Enumerable.Range(0, _rnd.Next(0, 4)).Select(_ => RandomValue(depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, _rnd.Next(0, 4)).Select(i => KeyValuePair.Create(Pick(["verb", "mdoId", "caseId", "actionId", "id", "type", "action", "data", "x" + i]) + (i == 0 ? string.Empty : i.ToString(CultureInfo.InvariantCulture)), RandomValue(depth + 1)))),
    };

    private JsonNode RandomNumberNode() => _rnd.Next(6) switch
    {
        0 => JsonValue.Create(_rnd.Next(-5, 100)),
        1 => JsonValue.Create(long.MaxValue),
        2 => JsonValue.Create(int.MinValue),
        3 => JsonValue.Create(_rnd.NextDouble() * 1e12),
        4 => JsonValue.Create(double.MaxValue),
        _ => JsonValue.Create(2147483647.5),
    };

    private double RandomNumber() => _rnd.Next(3) switch { 0 => _rnd.Next(), 1 => -_rnd.NextDouble() * 1e6, _ => 1e300 };

    private string RandomString(int min, int max)
    {
        var length = _rnd.Next(min, max + 1);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(_rnd.Next(10) switch
            {
                < 6 => (char)_rnd.Next(32, 127),
                6 => (char)_rnd.Next(0x00A0, 0x0800),
                7 => (char)_rnd.Next(0x3000, 0xD7FF),
                8 => Pick([' ', '\n', '\t', '<', '>', '&', '"', '\\', '@', '\u0000', '\u200B']),
                _ => (char)_rnd.Next(0xE000, 0xFFFD),
            });
        }

        return sb.ToString();
    }

    private string RandomAscii(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)_rnd.Next(33, 127))]);

    private (string Id, string Name) RandomUser() => _rnd.Next(8) switch
    {
        < 6 => ctx.Users[_rnd.Next(ctx.Users.Count)],
        6 => ("29:stranger-" + _rnd.Next(5), "Stranger"),
        _ => (RandomString(1, 20), RandomString(0, 20)),
    };

    private string PickVerb() => _rnd.Next(5) == 0 ? Pick(UnknownVerbs) : Pick(ctx.Verbs);

    private string NewId() => "fz-" + _rnd.Next().ToString("x8", CultureInfo.InvariantCulture) + "-" + _number;

    private T Pick<T>(IReadOnlyList<T> items) => items[_rnd.Next(items.Count)];
}
