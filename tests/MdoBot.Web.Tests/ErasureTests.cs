using System.Text;
using MdoBot.BotFramework.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class ErasureTests : MeetingChatTest
{
    private const string Secret = "Zorgen over slaapritme";

    protected override Task<BotApp> StartAppAsync() => BotApp.StartAsync(new() { ["Privacy:RetentionDays"] = "30" });

    protected override async Task ArrangeAsync()
    {
        await Chat.SayAsync(Chair, "agenda");
        var editor = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        foreach (var code in new[] { "Gezin A", "Gezin B" })
        {
            var add = ActionData(editor, "agenda.addCase");
            add["code"] = code;
            add["question"] = $"{Secret} {code}";
            editor = (await Chat.InvokeAsync(Chair, add))!["value"]!;
        }

        await Chat.SayAsync(Chair, "start");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    /// <summary>Every byte of the database files (main file and WAL), as text.</summary>
    private string RawDatabase()
    {
        SqliteConnection.ClearAllPools();
        var sb = new StringBuilder();
        foreach (var path in new[] { App.DatabasePath, App.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            sb.Append(reader.ReadToEnd());
        }

        return sb.ToString();
    }

    private async Task CompactAsync() => await App.Services.GetRequiredService<Compactor>().CompactNowAsync(CancellationToken.None);

    [Fact]
    public async Task Retention_PeriodOver_FreeTextGoneFromFileNumbersKept()
    {
        await Chat.SayAsync(Chair, "afronden");
        await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
        Assert.Contains(Secret, App.MdoJson(), StringComparison.Ordinal);

        await App.RestartAsync(); // the retention job is a stored timer
        App.Time.Advance(TimeSpan.FromDays(30).Add(TimeSpan.FromMinutes(1)));
        await App.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("Inhoud verwijderd"));
        await CompactAsync();

        var json = App.MdoJson();
        Assert.DoesNotContain(Secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Gezin A", json, StringComparison.Ordinal);
        Assert.Contains("usedSeconds", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, RawDatabase(), StringComparison.Ordinal);
        Assert.Equal(1, App.AuditCount("mdo.retentionErased"));
    }

    [Fact]
    public async Task DeleteCase_ChairConfirms_ContentGoneFromFile()
    {
        await Chat.SayAsync(Chair, "volgende");
        await Chat.SayAsync(Chair, "verwijder casus Gezin A");
        var confirm = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("erase.case"))).Card!;

        var refused = await Chat.InvokeAsync(Nurse, ActionData(confirm, "erase.case"));
        Assert.Contains("Alleen de voorzitter", Text(refused));
        await Chat.InvokeAsync(Chair, ActionData(confirm, "erase.case"));
        await CompactAsync();

        var json = App.MdoJson();
        Assert.DoesNotContain($"{Secret} Gezin A", json, StringComparison.Ordinal);
        Assert.Contains($"{Secret} Gezin B", json, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Secret} Gezin A", RawDatabase(), StringComparison.Ordinal);
        Assert.Equal(1, App.AuditCount("case.erased"));
    }

    [Fact]
    public async Task DeleteMeeting_ByChair_AllContentGone_AuditSurvives()
    {
        await Chat.SayAsync(Chair, "delete meeting");
        var confirm = (await App.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("erase.meeting"))).Card!;
        await Chat.InvokeAsync(Chair, ActionData(confirm, "erase.meeting"));
        await CompactAsync();

        Assert.DoesNotContain(Secret, RawDatabase(), StringComparison.Ordinal);
        Assert.True(App.AuditCount("agenda.caseAdded") == 2);
        Assert.Equal(1, App.AuditCount("mdo.erased"));
    }

    [Fact]
    public async Task Audit_ChairGetsTrailWithoutContent_OthersRefused()
    {
        await Chat.SayAsync(Nurse, "audit");
        await App.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen de voorzitter", StringComparison.Ordinal));

        await Chat.SayAsync(Chair, "audit");
        var create = await App.Connector.WaitForAsync(c => c.Kind == "create");
        var trail = await App.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId);
        Assert.Contains("agenda.caseAdded", trail.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, trail.Json, StringComparison.Ordinal);
    }
}
