using System.Text;
using System.Text.Json.Nodes;
using MdoBot.EndToEnd.Tests.Crash;

namespace MdoBot.EndToEnd.Tests.Cluster;

/// <summary>
/// Several scripted meeting chats at once through the proxy, each delivering like the Bot Connector: one
/// activity at a time, sent again with the same id until it is acknowledged (2xx). Each chat: install (the
/// welcome card), then <c>help</c> messages with <c>agenda</c> as the fifth (the agenda editor), every
/// <see cref="Pace"/>, until stopped. What each acknowledged activity must post is written down in order.
/// </summary>
internal sealed class ClusterLoad : IAsyncDisposable
{
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(300);

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _runs = [];

    public ClusterLoad(Uri proxy, IReadOnlyList<CrashChat> chats)
    {
        _http = new HttpClient { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
        Chats = chats;
        foreach (var chat in chats)
        {
            Expected[chat.ConversationId] = [];
            _runs.Add(Task.Run(() => RunAsync(chat)));
        }
    }

    public IReadOnlyList<CrashChat> Chats { get; }

    /// <summary>Per conversation: the kind of post each acknowledged activity must produce, in order, and when it was acknowledged.</summary>
    public Dictionary<string, List<(string Kind, DateTimeOffset AckedAt)>> Expected { get; } = [];

    /// <summary>Deliveries that were not acknowledged at first and sent again.</summary>
    public int Redeliveries => _redeliveries;

    private int _redeliveries;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runs);
    }

    private async Task RunAsync(CrashChat chat)
    {
        var conversation = chat.ConversationId;
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var (activity, kind) = i switch
            {
                0 => (chat.Install($"install-{conversation}"), PostKinds.Welcome),
                4 => (chat.Say(CrashChat.Chair, "agenda", $"m{i}-{conversation}"), PostKinds.Agenda),
                _ => (chat.Say(CrashChat.Nurse, "help", $"m{i}-{conversation}"), PostKinds.Help),
            };
            await DeliverAsync(activity);
            lock (Expected)
            {
                Expected[conversation].Add((kind, DateTimeOffset.UtcNow));
            }

            try
            {
                await Task.Delay(Pace, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task DeliverAsync(JsonObject activity) => DeliverAsync(_http, activity, () => Interlocked.Increment(ref _redeliveries));

    /// <summary>
    /// Sends until acknowledged, as the Bot Connector does; an activity once started is always finished, even
    /// after a stop. Returns the acknowledged answer's body (an invoke's card), null when empty.
    /// </summary>
    public static async Task<JsonNode?> DeliverAsync(HttpClient http, JsonObject activity, Action onRedelivery)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(onRedelivery);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                onRedelivery();
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            try
            {
                using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    return body.Length == 0 ? null : JsonNode.Parse(body);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // not acknowledged: send again
            }

            if (attempt > 200)
            {
                throw new InvalidOperationException($"Activity {activity["id"]} not acknowledged after {attempt} deliveries.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _http.Dispose();
        _stop.Dispose();
    }
}

/// <summary>The kinds of post the scripted chats expect, told apart by the card's actions.</summary>
internal static class PostKinds
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string Agenda = "agenda";

    /// <summary>"Teams is not reachable right now; nothing changed": a member lookup over its turn budget (a loaded machine).</summary>
    public const string Unavailable = "unavailable";

    public const string UnavailableText = "Teams is nu niet bereikbaar";

    public static string Of(MdoBot.Testing.RecordedCall call) =>
        CrashChat.HasVerb(call.Card, "agenda.addCase") ? Agenda
        : CrashChat.HasVerb(call.Card, "help.show") ? Welcome
        : IsUnavailable(call) ? Unavailable
        : Help;

    public static bool IsUnavailable(MdoBot.Testing.RecordedCall call) =>
        ((string?)call.Body?["text"])?.StartsWith(UnavailableText, StringComparison.Ordinal) == true;
}
