using System.Globalization;
using System.Text.Json.Nodes;
using MdoBot.Domain.Mdo;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Web.Tests;

/// <summary>
/// The next MDO of the series (the same meeting chat): a returning case's card starts with the open
/// actions from last time, which the owner or a chair marks done, still open or dropped.
/// </summary>
public sealed class FollowUpTests : MeetingChatTest
{
    [Fact]
    public async Task NextMdo_ReturningCase_OpenActionFromLastTimeMarkedDoneByOwner()
    {
        var first = await FirstMdoWithConfirmedActionAsync();

        var caseCard = await StartNextMdoWithAsync("Gezin A", "Gezin B");

        Assert.True(caseCard.IsCard("Open acties van vorige keer"));
        Assert.True(caseCard.IsCard("Belt de huisarts — Bram Jansen"));
        var live = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("mdo.close") && c.IsCard("terugkerende casus"));
        Assert.True(live.IsCard("1. Gezin A** — nu,") && live.IsCard("min · ↻ terugkerende casus\""));
        Assert.True(live.IsCard("2. Gezin B — hierna, 20 min\""));

        var pressed = ActionData(caseCard.Card!, "followup.done");
        Assert.Equal(first, (string?)pressed["mdoId"]);
        var response = await Chat.InvokeAsync(Nurse, pressed);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response!["type"]);
        Assert.Contains("Gezin A", Text(response));
        Assert.DoesNotContain("Open acties van vorige keer", Text(response));
        var earlier = await LoadAsync(first);
        Assert.Equal(ActionStatus.Done, earlier.FindAction("a1")!.Status);
        Assert.Equal(Nurse.Id, earlier.FindAction("a1")!.DoneBy);
        Assert.Equal(1, App.AuditCount("followup.done"));
        await App.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("case.save") && c.IsCard("Gezin A") && !c.IsCard("Open acties van vorige keer"));
        await App.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("✓ Gedaan") && c.IsCard("Belt de huisarts"));
        Assert.Equal(0, TimerCount($"%:{first}:a1"));
    }

    [Fact]
    public async Task NextMdo_StillOpenThenDropped_AuditedConfirmedAndRemoved()
    {
        var first = await FirstMdoWithConfirmedActionAsync();
        var caseCard = (await StartNextMdoWithAsync("gezin a")).Card!;

        // Someone who is neither the owner nor a chair is refused.
        var refused = await Chat.InvokeAsync(Social, ActionData(caseCard, "followup.done"));
        Assert.Contains("Alleen Bram Jansen of de voorzitter", Text(refused));

        // Still open: the status stays, the check is noted and shown on the row, audited, confirmed in the chat.
        var stillOpen = await Chat.InvokeAsync(Nurse, ActionData(caseCard, "followup.stillOpen"));
        Assert.Contains("Open acties van vorige keer", Text(stillOpen));
        Assert.Contains("Belt de huisarts — Bram Jansen", Text(stillOpen));
        Assert.Contains("— loopt nog (bijgewerkt ", Text(stillOpen));
        Assert.NotNull((await LoadAsync(first)).FindAction("a1")!.StillOpenAt);
        Assert.Equal(1, App.AuditCount("followup.stillOpen"));
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.Title is { } t && t.Contains("Belt de huisarts’ van Bram Jansen loopt nog", StringComparison.Ordinal));
        Assert.Equal(ActionStatus.Confirmed, (await LoadAsync(first)).FindAction("a1")!.Status);

        // The chair drops it: gone from the card, reminders stopped.
        var dropped = await Chat.InvokeAsync(Chair, ActionData(caseCard, "followup.dropped"));
        Assert.DoesNotContain("Open acties van vorige keer", Text(dropped));
        Assert.Equal(ActionStatus.Dropped, (await LoadAsync(first)).FindAction("a1")!.Status);
        Assert.Equal(0, TimerCount($"%:{first}:a1"));
    }

    [Fact]
    public async Task NextMdo_ReturningCaseAddedWithoutFamilyView_CarriesOverLastTimes()
    {
        await FirstMdoWithConfirmedActionAsync();
        App.Time.Advance(TimeSpan.FromDays(7));
        var before = (await LoadSeriesAsync()).Select(m => m.Mdo.Id).ToHashSet();

        await OpenEditorWithAsync(before, ["gezin a", "Gezin Z"]);

        var next = (await LoadSeriesAsync()).Single(m => !before.Contains(m.Mdo.Id)).Mdo;
        Assert.Equal("Rust in huis na de bevalling", next.Cases[0].FamilyView.WhatTheyWant);
        Assert.True(next.Cases[1].FamilyView.IsEmpty); // a new case starts empty
    }

    [Fact]
    public async Task NextMdo_ReturningCaseWithOwnFamilyView_KeepsTheNewOne()
    {
        await FirstMdoWithConfirmedActionAsync();
        App.Time.Advance(TimeSpan.FromDays(7));
        var before = (await LoadSeriesAsync()).Select(m => m.Mdo.Id).ToHashSet();

        await OpenEditorWithAsync(before, ["Gezin A"], "Een eigen huis");

        var next = (await LoadSeriesAsync()).Single(m => !before.Contains(m.Mdo.Id)).Mdo;
        Assert.Equal("Een eigen huis", next.Cases[0].FamilyView.WhatTheyWant);
    }

    /// <summary>MDO 1 with Gezin A and an action for Bram, confirmed, then closed; returns its id.</summary>
    private async Task<string> FirstMdoWithConfirmedActionAsync()
    {
        var editor = await OpenEditorWithAsync(null, ["Gezin A"], "Rust in huis na de bevalling");
        var mdoId = (string)ActionData(editor, "mdo.start")["mdoId"]!;
        await Chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        var caseCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard(mdoId))).Card!;

        var add = ActionData(caseCard, "case.addAction");
        add["actionOwner"] = Nurse.Id;
        add["actionText"] = "Belt de huisarts";
        add["actionDue"] = App.Time.GetUtcNow().AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Chat.InvokeAsync(Chair, add);
        var actionCard = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("action.confirm") && c.IsCard("<at>Bram Jansen</at>"))).Card!;
        await Chat.InvokeAsync(Nurse, ActionData(actionCard, "action.confirm"));
        await Chat.SayAsync(Chair, "afronden");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
        Assert.Equal(3, TimerCount($"%:{mdoId}:a1"));
        return mdoId;
    }

    /// <summary>A week later: `agenda` creates the next MDO; the cases are added and it is started. Returns the first case card.</summary>
    private async Task<MdoBot.Testing.RecordedCall> StartNextMdoWithAsync(params string[] codes)
    {
        App.Time.Advance(TimeSpan.FromDays(7));
        var before = (await LoadSeriesAsync()).Select(m => m.Mdo.Id).ToHashSet();
        var editor = await OpenEditorWithAsync(before, codes);
        var mdoId = (string)ActionData(editor, "mdo.start")["mdoId"]!;
        Assert.DoesNotContain(mdoId, before);
        await Chat.InvokeAsync(Chair, ActionData(editor, "mdo.start"));
        return await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save") && c.IsCard(mdoId));
    }

    private async Task<JsonNode> OpenEditorWithAsync(HashSet<string>? notMdoIds, string[] codes, string? familyWants = null)
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase")
            && (notMdoIds is null || !notMdoIds.Contains((string)ActionData(c.Card!, "agenda.addCase")["mdoId"]!)))).Card!;
        foreach (var code in codes)
        {
            var add = ActionData(editor, "agenda.addCase");
            add["code"] = code;
            add["familyWants"] = familyWants;
            editor = (await Chat.InvokeAsync(Chair, add))!["value"]!;
        }

        return editor;
    }

    private async Task<IReadOnlyList<LoadedMdo>> LoadSeriesAsync() =>
        await App.Services.GetRequiredService<MdoRepository>().GetSeriesAsync(Chat.ConversationId, CancellationToken.None);

    private async Task<Mdo> LoadAsync(string mdoId) =>
        (await App.Services.GetRequiredService<MdoRepository>().GetAsync(mdoId, CancellationToken.None))!.Mdo;

    private long TimerCount(string keyPattern) => App.ActionTimerCount(keyPattern);
}
