using System.Text.Json.Nodes;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>The keyboard path: every button has a typed command, and Action.Submit is handled too.</summary>
public sealed class MdoCommandsTests : IAsyncLifetime
{
    private BotApp _app = null!;
    private MeetingChat _chat = null!;

    public async Task InitializeAsync()
    {
        _app = await BotApp.StartAsync();
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        await _chat.InstallAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task AddCasesByEditorAsync(params string[] codes)
    {
        await _chat.SayAsync(Chair, "agenda");
        var editor = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        foreach (var code in codes)
        {
            var data = ActionData(editor, "agenda.addCase");
            data["code"] = code;
            editor = (await _chat.InvokeAsync(Chair, data))!["value"]!;
        }
    }

    [Fact]
    public async Task TypedCommands_WholeMdo_RunsWithoutButtons()
    {
        await AddCasesByEditorAsync("Gezin A", "Gezin B", "Gezin C");
        var tomorrow = _app.Time.GetUtcNow().AddDays(1).ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await _chat.SayAsync(Chair, "start");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin A"));
        await _chat.SayAsync(Chair, $"actie <at>{Nurse.Name}</at> belt de huisarts voor {tomorrow}", Nurse);
        var actionCard = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("<at>Bram Jansen</at>"));
        Assert.Contains("belt de huisarts", actionCard.Json);

        await _chat.SayAsync(Chair, "verleng 10");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("10 minuten erbij", StringComparison.Ordinal));
        await _chat.SayAsync(Chair, "next");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin B"));
        await _chat.SayAsync(Chair, "volgende");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin C"));
        await _chat.SayAsync(Chair, "close");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
        await _chat.SayAsync(Nurse, "samenvatting");
        await _app.Connector.WaitForCountAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"), 2);
        Assert.Contains("\"Closed\"", _app.MdoJson());
    }

    [Fact]
    public async Task ChairCommand_NamedChair_CanRunTheMeeting()
    {
        await AddCasesByEditorAsync("Gezin A");
        await _chat.SayAsync(Nurse, "start");
        await _app.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen de voorzitter", StringComparison.Ordinal));

        await _chat.SayAsync(Chair, $"voorzitter <at>{Nurse.Name}</at>", Nurse);
        await _chat.SayAsync(Nurse, "start");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    [Fact]
    public async Task MeetingOrganizer_NotYetChair_IsRecognisedAsChair()
    {
        await AddCasesByEditorAsync("Gezin A");
        _app.Connector.MeetingRoles[_chat.MeetingId + "|" + Social.Id] = "Organizer";

        await _chat.SayAsync(Social, "start");

        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    [Fact]
    public async Task ActionSubmitFallback_ConfirmAsMessage_ConfirmsAndUpdatesCard()
    {
        await AddCasesByEditorAsync("Gezin A");
        await _chat.SayAsync(Chair, "start");
        var due = _app.Time.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await _chat.SayAsync(Chair, $"action <at>{Nurse.Name}</at> calls the GP by {due}", Nurse);
        var card = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("action.confirm"))).Card!;

        var submit = _chat.Activity("groupchat-message-actionSubmit", Nurse);
        submit["value"] = ActionData(card, "action.confirm");
        submit.Remove("text");
        await _app.PostAsync(submit);

        var update = await _app.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("Bevestigd door Bram Jansen"));
        Assert.NotNull(update.ActivityId);
    }

    [Fact]
    public async Task PrepareInPrivate_EditorSentToChairsPersonalChat_PublishPostsAgenda()
    {
        await AddCasesByEditorAsync("Gezin A");
        var editor = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.preparePrivately"))).Card!;

        var reply = await _chat.InvokeAsync(Chair, ActionData(editor, "agenda.preparePrivately"));
        Assert.Contains("privéchat", Text(reply));
        var create = await _app.Connector.WaitForAsync(c => c.Kind == "create");
        Assert.Equal(Chair.Id, (string?)create.Body!["members"]![0]!["id"]);
        var personal = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId);
        var personalEditor = personal.Card!;

        // Add a case from the 1:1 chat, then publish to the meeting chat.
        var add = ActionData(personalEditor, "agenda.addCase");
        add["code"] = "Gezin B";
        var personalInvoke = _chat.InvokeActivity(Chair, add);
        personalInvoke["conversation"] = new JsonObject { ["id"] = create.ConversationId, ["conversationType"] = "personal" };
        personalInvoke.Remove("channelData");
        var response = await (await _app.PostAsync(personalInvoke)).JsonAsync();
        Assert.Contains("Gezin B", Text(response));

        await _chat.InvokeAsync(Chair, ActionData(response!["value"]!, "agenda.publish"));
        var published = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == _chat.ConversationId && c.IsCard("Gezin B") && !c.IsCard("agenda.addCase"));
        Assert.NotNull(published);
    }
}
