using System.Text.Json.Nodes;

namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>
/// End-to-end fixture: the real MdoBot process talking to the real Microsoft 365 Agents Playground
/// (@microsoft/m365agentsplayground 0.2.28, the local Teams client + Bot Connector emulator), driven
/// without a browser through the Playground's own REST endpoints and websocket.
/// Use it as <c>IClassFixture&lt;PlaygroundHarness&gt;</c> (one MdoBot + one Playground per test class;
/// the conversations and the SQLite file are shared by the tests of that class).
///
/// What it starts (both on free 127.0.0.1 ports, stopped by PID on dispose, temp files deleted):
///   MdoBot      <c>dotnet MdoBot.Web.dll</c> (the copy beside this assembly) with <c>Urls</c>,
///               <c>Storage__SqlitePath</c> = temp file, <c>Bot__AppId</c> = "" (dev mode: loopback, no token),
///               plus <see cref="BotEnvironment"/> (e.g. <c>Development__TimeScale</c> for a faster MDO clock).
///               Ready when <c>GET /healthz</c> answers. Output: <see cref="BotOutput"/>.
///   Playground  <c>node --require playground/loopback.cjs …/cli.js -p PORT --service-url
///               http://127.0.0.1:PORT/_connector -e http://127.0.0.1:BOT/api/messages -c msteams --disable-telemetry</c>
///               with <c>TEAMSAPPTESTER_BROWSER=none</c>, a temp copy of playground/.m365agentsplayground.yml
///               (<c>M365_AGENTS_PLAYGROUND_CONFIG_PATH</c>) and a temp log (<c>M365_AGENTS_PLAYGROUND_LOGFILE</c>;
///               when stdout is not a TTY the Playground prints only "Listening on PORT", everything else goes
///               to that log: <see cref="PlaygroundLog"/>). Ready after "Listening on" + <c>GET /_debug/ping</c>.
///   At start-up the Playground sends the bot nothing; the browser UI (not used here) only probes the bot
///   endpoint (any status is fine) and installs the bot when a chat is opened.
///
/// Helpers (all ids are Playground conversation ids; <see cref="Config"/> has the ones from the yml):
///   <see cref="InstallBotAsync"/>      POST /_debug/conversation/{id}/installation  {}
///       → the bot gets installationUpdate(add) + conversationUpdate(membersAdded = bot [+ current user in 1:1]).
///   <see cref="RemoveBotAsync"/>       custom activities from the "uninstall" and "botRemoved" templates.
///   <see cref="SendMessageAsync"/>     current user: POST /_conversation/v1/conversations/{id}/messages
///       {from:{id}, text, textFormat:"plain", mentions:[{mentioned:{id}, text:"&lt;at&gt;Name&lt;/at&gt;"}]} → {messageId, postConversationId?}.
///       &lt;at&gt;Name&lt;/at&gt; tags in the text become mentions automatically (bot or user names from the yml).
///       The Playground forwards a group/channel message to the bot only when the bot is mentioned, and always
///       sends it as the current user (it ignores from.id), so for any other user the harness builds the
///       message itself from the activity template and posts it as a custom activity (no mention rule then).
///   <see cref="InvokeAsync"/>          POST /_conversation/v1/invoke {name:"adaptiveCard/action", from:{id},
///       conversation:{id}, replyToId:messageId, value:{action:{type:"Action.Execute", verb, data}}}
///       → returns the bot's invoke answer as the Playground passes it on: {type, value} (HTTP 502 when the bot failed).
///       An adaptive-card answer replaces the stored card in the Playground, but no websocket frame is sent for it.
///   <see cref="SubmitAsync"/>          POST /_conversation/v1/submit {conversation:{id}, from:{id}, replyToId, value}
///       → the bot gets a message with value + replyToId (answer comes later on the websocket).
///   <see cref="PressAsync"/>           finds an action on a received card by title or verb, merges input values into
///       its data and calls InvokeAsync (Action.Execute) or SubmitAsync (Action.Submit).
///   invoke/submit accept any user of the chat as <c>from</c> (the 1:1 chat only has the current user).
///   <see cref="ActivityTemplateAsync"/> GET /_internal/v1/customActivities/template?conversationId=&amp;type=
///       (no type: base activity with serviceUrl/recipient/conversation/from; types: install, uninstall, userAdded,
///       userRemoved, botAdded, botRemoved, channelCreated, channelRenamed, channelDeleted, teamRenamed, teamDeleted).
///   <see cref="SendCustomActivityAsync(JsonObject)"/> POST /_internal/v1/customActivities with a full activity:
///       posted to the bot as is; answers 200 before posting and drops the bot's response (also invoke bodies).
///       Meeting events / meeting-chat fields (channelData.meeting.id) can only be injected this way:
///       see <see cref="SendEventAsync"/>.
///   Bot output: websocket /_ws_conversation/v1/conversations/stream, frames
///       {action:"createMessage"|"updateMessage"|"typing", actionConversationId, message:{messageId, timestamp,
///       from:{id}, text, textFormat, attachments:[{contentType, content}], mentions, postConversationId?}}
///       collected in <see cref="Frames"/>; <see cref="WaitForBotMessageAsync"/> / <see cref="WaitForCardAsync"/>
///       wait (real time, default 30 s) for a match at or after a cursor (<see cref="Cursor"/>); on time-out the
///       exception lists the frames received and the tails of both processes' logs.
/// Not emulated by the Playground: meetings (v1/meetings/* is 404, no meeting events), card refresh/userIds,
/// deleteActivity (error), task modules; every Playground message carries locale en-US.
/// Proactive 1:1 (POST v3/conversations): the current user gets the yml personal chat id; any other user gets a new
/// chat ("…@test.user") that accepts messages (201) but never shows on the conversation websocket (other users'
/// chats are filtered out) — see the bot's connector calls on the log websocket /_ws/log/stream instead
/// (frames {logAction:"appendLog", log:{activityName, conversationId, request:{body}, response:{statusCode, body}}}).
/// The web UI shows only messages that arrive while it is connected (no history): open it before the bot posts.
/// </summary>
public sealed partial class PlaygroundHarness : IAsyncLifetime
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _tempDir = Path.Combine(Path.GetTempPath(), "mdobot-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private PlaygroundConfig? _config;

    public Uri BotUrl { get; private set; } = null!;

    /// <summary>
    /// Extra environment for the MdoBot process (configuration with <c>__</c> as separator, e.g.
    /// <c>Development__TimeScale</c>); set before <see cref="InitializeAsync"/>. Applied after the harness's own
    /// settings, so it can override them. Empty by default.
    /// </summary>
    public IDictionary<string, string?> BotEnvironment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The Playground's base URL (also its web UI), e.g. http://127.0.0.1:41234/.</summary>
    public Uri PlaygroundUrl { get; private set; } = null!;

    public PlaygroundConfig Config => _config ?? throw new InvalidOperationException("The harness is not started.");

    public ConversationStream Stream { get; } = new();

    /// <summary>All websocket frames so far.</summary>
    public IReadOnlyList<PlaygroundMessage> Frames => Stream.Frames;

    /// <summary>Messages from the bot (created or updated) so far.</summary>
    public IReadOnlyList<PlaygroundMessage> BotMessages =>
        Stream.Frames.Where(f => (f.IsCreate || f.IsUpdate) && f.FromId == Config.Bot.Id).ToList();

    /// <summary>Frame count now: wait with <c>since: cursor</c> to ignore everything that came before.</summary>
    public int Cursor => Stream.Count;

    public string SqlitePath => Path.Combine(_tempDir, "mdobot.db");

    public string BotOutput => _bot?.Output ?? string.Empty;

    public string PlaygroundLog
    {
        get
        {
            var path = Path.Combine(_tempDir, "playground.log");
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }
    }

    public Task<PlaygroundMessage> WaitForBotMessageAsync(
        Func<PlaygroundMessage, bool> match, int since = 0, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var botId = Config.Bot.Id;
        return WaitForFrameAsync(f => (f.IsCreate || f.IsUpdate) && f.FromId == botId && match(f), since, timeout, what ?? "a bot message");
    }

    /// <summary>Waits for a card in <paramref name="conversationId"/> whose first TextBlock is one of <paramref name="titles"/>.</summary>
    public Task<PlaygroundMessage> WaitForCardAsync(string conversationId, IReadOnlyCollection<string> titles, int since = 0, TimeSpan? timeout = null) =>
        WaitForBotMessageAsync(
            m => m.ConversationId == conversationId && m.CardTitle is { } title && titles.Contains(title),
            since, timeout, $"a card titled {string.Join(" / ", titles.Select(t => $"'{t}'"))} in {conversationId}");

    public async Task<PlaygroundMessage> WaitForFrameAsync(Func<PlaygroundMessage, bool> match, int since, TimeSpan? timeout, string what)
    {
        try
        {
            return await Stream.WaitAsync(match, since, timeout ?? DefaultTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for {what} (frames from #{since}).\n{Diagnostics()}");
        }
    }

    /// <summary>What was received plus the ends of both logs: for failure messages.</summary>
    public string Diagnostics()
    {
        var log = PlaygroundLog.Split('\n');
        return Stream.Describe()
            + "\n" + (_bot?.Tail(60) ?? "MdoBot not started")
            + "\n--- last lines of the Playground log (cut at 600 chars) ---\n"
            + string.Join('\n', log.Skip(Math.Max(0, log.Length - 60)).Select(l => l.Length > 600 ? l[..600] + " …" : l))
            + "\n" + (_playground?.Tail(10) ?? "Playground not started");
    }

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (_playground is not null)
        {
            await _playground.DisposeAsync().ConfigureAwait(false);
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
        try
        {
            if (Directory.Exists(_tempDir))
            {
                Directory.Delete(_tempDir, recursive: true);
            }
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }

    private async Task StartAsync()
    {
        // Resolve every prerequisite first so a missing one fails fast with its own message.
        var cli = HarnessPaths.PlaygroundCli;
        var node = HarnessPaths.Node;
        var preload = HarnessPaths.LoopbackPreload;
        var yml = HarnessPaths.PlaygroundConfig;
        var webDll = HarnessPaths.WebDll;
        Directory.CreateDirectory(_tempDir);
        var configCopy = Path.Combine(_tempDir, ".m365agentsplayground.yml");
        File.Copy(yml, configCopy);

        var botPort = HarnessPaths.FreeLoopbackPort();
        BotUrl = new Uri($"http://127.0.0.1:{botPort}/");
        var botEnvironment = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{botPort}",
            ["Storage__Provider"] = "sqlite",
            ["Storage__SqlitePath"] = SqlitePath,
            ["Bot__AppId"] = string.Empty,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in BotEnvironment)
        {
            botEnvironment[key] = value;
        }

        _bot = ChildProcess.Start("MdoBot", HarnessPaths.Dotnet, [webDll], Path.GetDirectoryName(webDll)!, botEnvironment);

        var pgPort = HarnessPaths.FreeLoopbackPort();
        PlaygroundUrl = new Uri($"http://127.0.0.1:{pgPort}/");
        _playground = ChildProcess.Start("Playground", node,
            [
                "--require", preload, cli,
                "-p", pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--service-url", $"http://127.0.0.1:{pgPort}/_connector",
                "-e", new Uri(BotUrl, "api/messages").ToString(),
                "-c", "msteams",
                "--disable-telemetry",
            ],
            _tempDir,
            new Dictionary<string, string?>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configCopy,
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(_tempDir, "playground.log"),
                ["TEAMSAPPTESTER_PORT"] = null,
                ["NODE_OPTIONS"] = null,
            });

        await WaitForHttpAsync(_bot, new Uri(BotUrl, "healthz")).ConfigureAwait(false);
        var listening = await _playground.WaitForLineAsync(l => l.StartsWith("Listening on ", StringComparison.Ordinal), StartTimeout).ConfigureAwait(false);
        if (listening.Trim() != $"Listening on {pgPort}")
        {
            throw new InvalidOperationException($"The Playground did not get port {pgPort} ('{listening}'): its service URL would be wrong.\n{_playground.Tail()}");
        }

        await WaitForHttpAsync(_playground, new Uri(PlaygroundUrl, "_debug/ping")).ConfigureAwait(false);
        await Stream.ConnectAsync(new Uri($"ws://127.0.0.1:{pgPort}/_ws_conversation/v1/conversations/stream"), CancellationToken.None).ConfigureAwait(false);
        var testConfig = await GetJsonAsync(new Uri(PlaygroundUrl, "_internal/v1/testConfig")).ConfigureAwait(false);
        _config = PlaygroundConfig.Parse(testConfig);
    }

    private async Task WaitForHttpAsync(ChildProcess process, Uri url)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited with code {await process.Exited.ConfigureAwait(false)} during start-up.\n{process.Tail()}\n{(process == _playground ? PlaygroundLog : string.Empty)}");
            }

            try
            {
                using var response = await _http.GetAsync(url, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException)
            {
                if (deadline.IsCancellationRequested)
                {
                    throw new TimeoutException($"{process.Name} did not answer {url} within {StartTimeout.TotalSeconds:0} s.\n{process.Tail()}");
                }
            }

            // Polling a starting process (real time, start-up only).
            await Task.WhenAny(process.Exited, Task.Delay(150, CancellationToken.None)).ConfigureAwait(false); // allowed: bounded wait for a process to exit
        }
    }
}
