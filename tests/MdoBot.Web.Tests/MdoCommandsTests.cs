using System.Text.Json.Nodes;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>The keyboard path: every button has a typed command, and Action.Submit is handled too.</summary>
public sealed class MdoCommandsTests : MeetingChatTest
{
    private async Task AddCasesByEditorAsync(params string[] codes)
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        foreach (var code in codes)
        {
            var data = ActionData(editor, "agenda.addCase");
            data["code"] = code;
            editor = (await Chat.InvokeAsync(Chair, data))!["value"]!;
        }
    }

    [Fact]
    public async Task TypedCommands_WholeMdo_RunsWithoutButtons()
    {
        await AddCasesByEditorAsync("Gezin A", "Gezin B", "Gezin C");
        var tomorrow = App.Time.GetUtcNow().AddDays(1).ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await Chat.SayAsync(Chair, "start");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin A"));
        await Chat.SayAsync(Chair, $"actie <at>{Nurse.Name}</at> belt de huisarts voor {tomorrow}", Nurse);
        var actionCard = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("<at>Bram Jansen</at>"));
        Assert.Contains("belt de huisarts", actionCard.Json);

        await Chat.SayAsync(Chair, "verleng 10");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("10 minuten erbij", StringComparison.Ordinal));
        await Chat.SayAsync(Chair, "next");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin B"));
        await Chat.SayAsync(Chair, "volgende");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin C"));
        await Chat.SayAsync(Chair, "close");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
        await Chat.SayAsync(Nurse, "samenvatting");
        await App.Connector.WaitForCountAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"), 2);
        Assert.Contains("\"Closed\"", App.MdoJson());
    }

    [Fact]
    public async Task ChairCommand_NamedChair_CanRunTheMeeting()
    {
        await AddCasesByEditorAsync("Gezin A");
        await Chat.SayAsync(Nurse, "start");
        await App.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen de voorzitter", StringComparison.Ordinal));

        await Chat.SayAsync(Chair, $"voorzitter <at>{Nurse.Name}</at>", Nurse);
        await Chat.SayAsync(Nurse, "start");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    [Fact]
    public async Task MeetingOrganizer_NotYetChair_IsRecognisedAsChair()
    {
        await AddCasesByEditorAsync("Gezin A");
        App.Connector.MeetingRoles[Chat.MeetingId + "|" + Social.Id] = "Organizer";

        await Chat.SayAsync(Social, "start");

        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    [Fact]
    public async Task ActionSubmitFallback_ConfirmAsMessage_ConfirmsAndUpdatesCard()
    {
        await AddCasesByEditorAsync("Gezin A");
        await Chat.SayAsync(Chair, "start");
        var due = App.Time.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Chat.SayAsync(Chair, $"action <at>{Nurse.Name}</at> calls the GP by {due}", Nurse);
        var card = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("action.confirm"))).Card!;

        var submit = Chat.Activity("groupchat-message-actionSubmit", Nurse);
        submit["value"] = ActionData(card, "action.confirm");
        submit.Remove("text");
        await App.PostAsync(submit);

        var update = await App.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("Bevestigd door Bram Jansen"));
        Assert.NotNull(update.ActivityId);
    }

    [Fact]
    public async Task PrepareInPrivate_EditorSentToChairsPersonalChat_PublishPostsAgenda()
    {
        await AddCasesByEditorAsync("Gezin A");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.preparePrivately"))).Card!;

        var reply = await Chat.InvokeAsync(Chair, ActionData(editor, "agenda.preparePrivately"));
        Assert.Contains("privéchat", Text(reply));
        var create = await App.Connector.WaitForAsync(c => c.Kind == "create");
        Assert.Equal(Chair.Id, (string?)create.Body!["members"]![0]!["id"]);
        var personal = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId);
        var personalEditor = personal.Card!;

        // Add a case from the 1:1 chat, then publish to the meeting chat.
        var add = ActionData(personalEditor, "agenda.addCase");
        add["code"] = "Gezin B";
        var personalInvoke = Chat.InvokeActivity(Chair, add);
        personalInvoke["conversation"] = new JsonObject { ["id"] = create.ConversationId, ["conversationType"] = "personal" };
        personalInvoke.Remove("channelData");
        var response = await (await App.PostAsync(personalInvoke)).JsonAsync();
        Assert.Contains("Gezin B", Text(response));

        await Chat.InvokeAsync(Chair, ActionData(response!["value"]!, "agenda.publish"));
        var published = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == Chat.ConversationId && c.IsCard("Gezin B") && !c.IsCard("agenda.addCase"));
        Assert.NotNull(published);
    }
}
