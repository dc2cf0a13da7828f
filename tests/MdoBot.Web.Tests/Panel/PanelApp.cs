using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MdoBot.Web.Tests.Security;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Panel;

/// <summary>
/// MdoBot with the side panel's Entra validation pointed at <see cref="EntraTestServer"/>, a meeting chat whose
/// members carry Entra object ids, and a running MDO with two cases (the first one current).
/// </summary>
public sealed class PanelApp : IAsyncDisposable
{
    public const string Tenant = "72f988bf-0000-0000-0000-000000000001";
    public const string AppId = "5a1e0000-0000-0000-0000-00000000b07a";
    public const string Resource = "api://mdobot.example.org/botid-" + AppId;
    public const string Question = "Hoe krijgt Gezin A weer rust in huis?";
    public const string Goal = "Rust in huis voor de kinderen";

    public static readonly IReadOnlyDictionary<string, string> ObjectIds = new Dictionary<string, string>
    {
        [Chair.Id] = "0a0a0a0a-0000-0000-0000-00000000000a",
        [Nurse.Id] = "0b0b0b0b-0000-0000-0000-00000000000b",
        [Social.Id] = "0c0c0c0c-0000-0000-0000-00000000000c",
    };

    private PanelApp(BotApp app, EntraTestServer entra, MdoScenario scenario)
    {
        App = app;
        Entra = entra;
        Scenario = scenario;
    }

    public BotApp App { get; }

    public EntraTestServer Entra { get; }

    public MdoScenario Scenario { get; }

    public MeetingChat Chat => Scenario.Chat;

    public string MdoId => Scenario.MdoId!;

    /// <summary>The case card of the running case (for card clicks).</summary>
    public JsonNode CaseCard { get; private set; } = null!;

    public Uri BaseAddress => App.Client.BaseAddress!;

    public string StatePath => $"/api/panel/chats/{Uri.EscapeDataString(Chat.ConversationId)}/state";

    public string ActionsPath => $"/api/panel/chats/{Uri.EscapeDataString(Chat.ConversationId)}/actions";

    public string EventsPath => $"/api/panel/chats/{Uri.EscapeDataString(Chat.ConversationId)}/events";

    public static async Task<PanelApp> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var entra = await EntraTestServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Panel:AppId"] = AppId,
            ["Panel:Resource"] = Resource,
            ["Panel:MetadataAuthority"] = entra.BaseUrl,
            ["Panel:DevHost"] = "true",
            ["Panel:TimeInterval"] = "00:00:00.200",
            ["Security:AllowedTenants:0"] = Tenant,
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        var app = await SecurityKit.StartAsync(settings: settings);
        var chat = new MeetingChat(app);
        app.Connector.Members[chat.ConversationId] =
            [.. new[] { Chair, Nurse, Social }.Select(u => (object)new { id = u.Id, name = u.Name, aadObjectId = ObjectIds[u.Id] })];
        var panel = new PanelApp(app, entra, new MdoScenario(app, chat));
        await panel.PrepareAsync();
        return panel;
    }

    private async Task PrepareAsync()
    {
        await Chat.InstallAsync();
        var editor = await Scenario.OpenEditorAsync();
        editor = await Scenario.AddCasesAsync(editor, new CaseFields("Gezin A", Question, TimeBox: 20), new CaseFields("Gezin B", "Wat heeft Gezin B nodig?", TimeBox: 15));
        CaseCard = await Scenario.StartAsync(editor, "Gezin A");
        CaseCard = await Scenario.SaveCaseRecordAsync(CaseCard, Goal, null, Nurse.Id);
    }

    /// <summary>A valid SSO token of a chat member, issued now (on the app's clock).</summary>
    public string TokenFor((string Id, string Name) user) => Entra.Token(Tenant, ObjectIds[user.Id], AppId, App.Time.GetUtcNow());

    public HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public Task<HttpResponseMessage> GetStateAsync(string? token, string? path = null) => App.Client.SendAsync(Request(HttpMethod.Get, path ?? StatePath, token));

    public Task<HttpResponseMessage> ActAsync(string? token, string action, long version, string? mdoId = null) =>
        App.Client.SendAsync(Request(HttpMethod.Post, ActionsPath, token, new { action, mdoId = mdoId ?? MdoId, version, locale = "nl-NL" }));

    public async Task<JsonNode> StateAsync((string Id, string Name) user)
    {
        var response = await GetStateAsync(TokenFor(user));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Entra.DisposeAsync();
    }
}
