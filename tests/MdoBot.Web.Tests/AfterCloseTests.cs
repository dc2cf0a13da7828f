using MdoBot.BotFramework.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class AfterCloseTests : MeetingChatTest
{
    private readonly RecordingMailSender _mail = new();
    protected override Task<BotApp> StartAppAsync() => BotApp.StartAsync(services: s =>
    {
        s.RemoveAll<IMailSender>();
        s.AddSingleton<IMailSender>(_mail);
    });

    protected override void RegisterMembers() => Chat.RegisterMembers("anna@example.nl", "bram@example.nl", "carla@example.nl");

    private async Task RunShortMdoAsync()
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin A";
        await Chat.InvokeAsync(Chair, add);
        await Chat.SayAsync(Chair, "start");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    [Fact]
    public async Task Close_WithCoordinator_SummaryIn1to1AndByEmail()
    {
        await RunShortMdoAsync();
        await Chat.SayAsync(Chair, $"coördinator <at>{Social.Name}</at>", Social);
        await App.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("samenvattingen", StringComparison.Ordinal));

        await Chat.SayAsync(Chair, "afronden");

        var create = await App.Connector.WaitForAsync(c => c.Kind == "create" && (string?)c.Body!["members"]![0]!["id"] == Social.Id);
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId && c.IsCard("Samenvatting"));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_mail.Sent.IsEmpty && DateTime.UtcNow < deadline)
        {
            await App.Connector.WaitForCountAsync(_ => true, App.Connector.Calls.Count + 1, TimeSpan.FromMilliseconds(200)).ContinueWith(_ => { });
        }

        var mail = Assert.Single(_mail.Sent);
        Assert.Equal("carla@example.nl", mail.To);
        Assert.StartsWith("MDO-samenvatting ", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Gezin A", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("<h2>Gezin A</h2>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("## Gezin A", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Terugkoppeling aan ouders: nog open.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorCommand_ByNonChair_Refused()
    {
        await RunShortMdoAsync();
        await Chat.SayAsync(Nurse, $"coordinator <at>{Nurse.Name}</at>", Nurse);
        await App.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen de voorzitter", StringComparison.Ordinal));
        Assert.Equal(0, App.AuditCount("series.coordinatorAdded"));
    }

    [Fact]
    public async Task Export_ByChair_MarkdownIn1to1()
    {
        await RunShortMdoAsync();
        await Chat.SayAsync(Chair, "export gezin a");
        var create = await App.Connector.WaitForAsync(c => c.Kind == "create");
        var export = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId);
        Assert.Contains("# Gezin A", export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ByOtherParticipant_Refused()
    {
        await RunShortMdoAsync();
        await Chat.SayAsync(Nurse, "export Gezin A");
        await App.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen", StringComparison.Ordinal));
        Assert.DoesNotContain(App.Connector.Calls, c => c.Kind == "create");
    }

    private async Task<string> CloseWithCaseLeadAsync()
    {
        await RunShortMdoAsync();
        var caseCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"))).Card!;
        var save = ActionData(caseCard, "case.save");
        save["goal"] = "Rust en regelmaat voor de baby";
        save["caseLead"] = Nurse.Id;
        await Chat.InvokeAsync(Chair, save);
        await Chat.SayAsync(Chair, "afronden");
        var create = await App.Connector.WaitForAsync(c => c.Kind == "create" && (string?)c.Body!["members"]![0]!["id"] == Nurse.Id);
        return create.ConversationId;
    }

    [Fact]
    public async Task Close_CaseLead_GetsPlainLanguageDraft_ThenSendsByEmail()
    {
        var personal = await CloseWithCaseLeadAsync();
        var draft = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == personal && c.IsCard("feedback.send"))).Card!;
        Assert.Contains("Rust en regelmaat voor de baby", Text(draft));
        Assert.Contains("Leesbaarheid", Text(draft));

        var send = ActionData(draft, "feedback.send");
        send["feedbackText"] = "Beste ouders, we hebben over uw gezin gesproken. De JGZ belt u volgende week.";
        send["parentEmail"] = "ouder@example.nl";
        var personalInvoke = Chat.InvokeActivity(Nurse, send);
        personalInvoke["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = personal, ["conversationType"] = "personal" };
        var response = await (await App.PostAsync(personalInvoke)).JsonAsync();

        Assert.Contains("Verstuurd per e-mail", Text(response));
        var mail = Assert.Single(_mail.Sent, m => m.To == "ouder@example.nl");
        Assert.DoesNotContain("Gezin", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("JGZ belt u", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("\"feedback\":\"SentByEmail\"", App.MdoJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("ouder@example.nl", App.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackCheck_JargonInEditedText_IsFlaggedWithAlternative()
    {
        var personal = await CloseWithCaseLeadAsync();
        var draft = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == personal && c.IsCard("feedback.check"))).Card!;
        var check = ActionData(draft, "feedback.check");
        check["feedbackText"] = "In het MDO is de casuïstiek besproken met de regiehouder.";
        var invoke = Chat.InvokeActivity(Nurse, check);
        invoke["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = personal, ["conversationType"] = "personal" };
        var response = await (await App.PostAsync(invoke)).JsonAsync();
        Assert.Contains("casuïstiek", Text(response));
        Assert.Contains("Vakjargon", Text(response));
    }

    [Fact]
    public async Task FeedbackInPerson_ByOtherParticipant_Refused_ByCaseLead_Recorded()
    {
        var personal = await CloseWithCaseLeadAsync();
        var draft = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == personal && c.IsCard("feedback.inPerson"))).Card!;
        var refused = await Chat.InvokeAsync(Social, ActionData(draft, "feedback.inPerson"));
        Assert.Contains("Alleen", Text(refused));
        await Chat.InvokeAsync(Nurse, ActionData(draft, "feedback.inPerson"));
        Assert.Contains("\"feedback\":\"DiscussedInPerson\"", App.MdoJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluation_AnsweredTwiceByOnePerson_KeepsOneAnswer_TrendForChair()
    {
        await RunShortMdoAsync();
        await Chat.SayAsync(Chair, "afronden");
        var card = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("eval.submit"))).Card!;
        var answer = ActionData(card, "eval.submit");
        answer["q_keptToTime"] = "2";
        answer["q_languageClear"] = "4";
        answer["q_familyViewLeading"] = "5";
        answer["q_clearWhoDoesWhat"] = "3";
        Assert.Contains("Dank je wel", Text(await Chat.InvokeAsync(Nurse, answer)));
        answer["q_keptToTime"] = "4";
        Assert.Contains("vervangen", Text(await Chat.InvokeAsync(Nurse, answer)));

        var stored = App.DocumentJson("evaluation");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stored, "\"key\""));
        Assert.DoesNotContain(Nurse.Id, stored, StringComparison.Ordinal);

        await Chat.SayAsync(Nurse, "evaluatie");
        await App.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen de voorzitter", StringComparison.Ordinal));
        await Chat.SayAsync(Chair, "evaluatie");
        var trend = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Chart.VerticalBar.Grouped") && c.IsCard("verloop"));
        Assert.Contains("4.0", trend.Json, StringComparison.Ordinal);
    }
}
