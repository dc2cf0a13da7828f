using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

/// <summary>
/// Reminders of confirmed actions through stored timers: two days before and on the due date to the
/// owner's 1:1 chat, the overdue report to the case lead the day after; Done stops them.
/// The manual clock starts on 23 November 2026 at 10:00 in Amsterdam; the actions are due on 26 November.
/// </summary>
public sealed class ReminderTests : MeetingChatTest
{
    private static readonly DateTimeOffset ReminderAt = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero); // 09:00 in Amsterdam
    private static readonly DateTimeOffset DueAt = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OverdueAt = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);



    private static string Personal((string Id, string Name) user) => "a:personal-" + user.Id;

    [Fact]
    public async Task ConfirmedActions_RemindedBeforeAndOnDueDate_DoneStopsThem_OverdueReportedOnce()
    {
        await RunCaseWithConfirmedActionsAsync();

        // Two days before the due date, 09:00 local: the owner gets a 1:1 reminder in a new chat.
        App.Time.SetUtcNow(ReminderAt);
        var create = await App.Connector.WaitForAsync(c => c.Kind == "create" && (string?)c.Body!["members"]![0]!["id"] == Nurse.Id);
        var reminder = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId && c.IsCard("action.markDone"));
        Assert.True(IndexOf(create) < IndexOf(reminder));
        Assert.True(reminder.IsCard("Herinnering: je actie moet uiterlijk 26-11-2026 klaar zijn"));
        Assert.True(reminder.IsCard("Belt de huisarts") && reminder.IsCard("Gezin A"));

        // After a restart the due-date reminder still fires, once.
        await App.RestartAsync();
        App.Time.SetUtcNow(DueAt);
        var due = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == Personal(Nurse) && c.IsCard("vandaag klaar"));
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == Personal(Chair) && c.IsCard("vandaag klaar"));
        Assert.Single(App.Connector.Calls, c => c.Kind == "send" && c.ConversationId == Personal(Nurse) && c.IsCard("vandaag klaar"));
        Assert.Equal(2, App.AuditCount("action.dueReminderSent"));

        // The owner presses Done in the 1:1 chat: done, for everyone, and the reminder card says so.
        var response = await PressInPersonalChatAsync(Nurse, ActionData(due.Card!, "action.markDone"));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("✓ Gedaan op 26-11-2026", Text(response));
        Assert.DoesNotContain("action.markDone", Text(response));
        await App.Connector.WaitForAsync(c => c.Kind == "update" && c.ConversationId == Chat.ConversationId && c.IsCard("✓ Gedaan") && c.IsCard("Belt de huisarts"));
        Assert.Equal(0, TimerCount("overdue:%:a1"));
        Assert.Equal(1, TimerCount("overdue:%:a2"));

        // The day after the due date: the action not done is reported to the case lead, once; the done one is not.
        App.Time.SetUtcNow(OverdueAt);
        var report = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == Personal(Social) && c.IsCard("niet op tijd afgerond"));
        Assert.True(report.IsCard("Stuurt het verslag"));
        Assert.True(report.IsCard("Anna de Vries heeft deze actie nog niet als gedaan gemarkeerd"));
        Assert.Equal(0, TimerCount("%"));

        App.Time.Advance(TimeSpan.FromDays(3));
        await MdoBot.Web.Tests.Security.SecurityKit.SettleTimersAsync(App);
        Assert.Single(App.Connector.Calls, c => c.IsCard("niet op tijd afgerond"));
        Assert.DoesNotContain(App.Connector.Calls, c => c.IsCard("niet op tijd afgerond") && c.IsCard("Belt de huisarts"));
        Assert.Equal(1, App.AuditCount("action.overdueReported"));
    }

    [Fact]
    public async Task MarkDone_BySomeoneElse_RefusedAndTimersKept()
    {
        await RunCaseWithConfirmedActionsAsync();
        App.Time.SetUtcNow(ReminderAt);
        var reminder = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == Personal(Nurse) && c.IsCard("action.markDone"));

        var response = await PressInPersonalChatAsync(Social, ActionData(reminder.Card!, "action.markDone"));

        Assert.Contains("Alleen Bram Jansen of de voorzitter", Text(response));
        Assert.Equal(0, App.AuditCount("action.done"));
        Assert.Equal(1, TimerCount("due:%:a1"));
    }

    [Fact]
    public async Task ConfirmedOnTheDueDate_OnlyLaterTimersScheduled()
    {
        await RunCaseWithConfirmedActionsAsync(dueInDays: 0);

        Assert.Equal(0, TimerCount("remind:%"));
        Assert.Equal(0, TimerCount("due:%")); // 09:00 today has passed (it is 10:00)
        Assert.Equal(2, TimerCount("overdue:%"));
    }

    /// <summary>
    /// Gezin A running with case lead Carla and two confirmed actions: a1 for Bram, a2 for Anna (the chair),
    /// both due in <paramref name="dueInDays"/> days.
    /// </summary>
    private async Task RunCaseWithConfirmedActionsAsync(int dueInDays = 3)
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        var add = ActionData(editor, "agenda.addCase");
        add["code"] = "Gezin A";
        editor = (await Chat.InvokeAsync(Chair, add))!["value"]!;
        await Chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        var caseCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard("Gezin A"))).Card!;

        var save = ActionData(caseCard, "case.save");
        save["caseLead"] = Social.Id;
        await Chat.InvokeAsync(Chair, save);

        var due = App.Time.GetUtcNow().AddDays(dueInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (owner, text) in new[] { (Nurse, "Belt de huisarts"), (Chair, "Stuurt het verslag") })
        {
            var action = ActionData(caseCard, "case.addAction");
            action["actionOwner"] = owner.Id;
            action["actionText"] = text;
            action["actionDue"] = due;
            await Chat.InvokeAsync(Chair, action);
            var card = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard($"<at>{owner.Name}</at>") && c.IsCard("action.confirm"))).Card!;
            var confirmed = await Chat.InvokeAsync(owner, ActionData(card, "action.confirm"));
            Assert.Contains($"Bevestigd door {owner.Name}", Text(confirmed));
        }
    }

    private async Task<JsonNode?> PressInPersonalChatAsync((string Id, string Name) user, JsonObject data)
    {
        var invoke = Chat.InvokeActivity(user, data);
        invoke["conversation"] = new JsonObject { ["id"] = Personal(user), ["conversationType"] = "personal" };
        invoke.Remove("channelData");
        var response = await App.PostAsync(invoke);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private int IndexOf(MdoBot.Testing.RecordedCall call) => App.Connector.Calls.ToList().IndexOf(call);

    private long TimerCount(string keyPattern) => App.ActionTimerCount(keyPattern);
}
