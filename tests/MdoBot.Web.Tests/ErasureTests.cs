using System.Text;
using MdoBot.BotFramework.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests;

public sealed class ErasureTests : IAsyncLifetime
{
    private const string Secret = "Zorgen over slaapritme";
    private BotApp _app = null!;
    private MeetingChat _chat = null!;

    public async Task InitializeAsync()
    {
        _app = await BotApp.StartAsync(new() { ["Privacy:RetentionDays"] = "30" });
        _chat = new MeetingChat(_app);
        _chat.RegisterMembers();
        await _chat.InstallAsync();
        await _chat.SayAsync(Chair, "agenda");
        var editor = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("agenda.addCase"))).Card!;
        foreach (var code in new[] { "Gezin A", "Gezin B" })
        {
            var add = ActionData(editor, "agenda.addCase");
            add["code"] = code;
            add["question"] = $"{Secret} {code}";
            editor = (await _chat.InvokeAsync(Chair, add))!["value"]!;
        }

        await _chat.SayAsync(Chair, "start");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("case.save"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every byte of the database files (main file and WAL), as text.</summary>
    private string RawDatabase()
    {
        SqliteConnection.ClearAllPools();
        var sb = new StringBuilder();
        foreach (var path in new[] { _app.DatabasePath, _app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            sb.Append(reader.ReadToEnd());
        }

        return sb.ToString();
    }

    private async Task CompactAsync() => await _app.Services.GetRequiredService<Compactor>().CompactNowAsync(CancellationToken.None);

    [Fact]
    public async Task Retention_PeriodOver_FreeTextGoneFromFileNumbersKept()
    {
        await _chat.SayAsync(Chair, "afronden");
        await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("Samenvatting"));
        Assert.Contains(Secret, _app.MdoJson(), StringComparison.Ordinal);

        await _app.RestartAsync(); // the retention job is a stored timer
        _app.Time.Advance(TimeSpan.FromDays(30).Add(TimeSpan.FromMinutes(1)));
        await _app.Connector.WaitForAsync(c => c.Kind == "update" && c.IsCard("Inhoud verwijderd"));
        await CompactAsync();

        var json = _app.MdoJson();
        Assert.DoesNotContain(Secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Gezin A", json, StringComparison.Ordinal);
        Assert.Contains("usedSeconds", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, RawDatabase(), StringComparison.Ordinal);
        Assert.Equal(1, _app.AuditCount("mdo.retentionErased"));
    }

    [Fact]
    public async Task DeleteCase_ChairConfirms_ContentGoneFromFile()
    {
        await _chat.SayAsync(Chair, "volgende");
        await _chat.SayAsync(Chair, "verwijder casus Gezin A");
        var confirm = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("erase.case"))).Card!;

        var refused = await _chat.InvokeAsync(Nurse, ActionData(confirm, "erase.case"));
        Assert.Contains("Alleen de voorzitter", Text(refused));
        await _chat.InvokeAsync(Chair, ActionData(confirm, "erase.case"));
        await CompactAsync();

        var json = _app.MdoJson();
        Assert.DoesNotContain($"{Secret} Gezin A", json, StringComparison.Ordinal);
        Assert.Contains($"{Secret} Gezin B", json, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Secret} Gezin A", RawDatabase(), StringComparison.Ordinal);
        Assert.Equal(1, _app.AuditCount("case.erased"));
    }

    [Fact]
    public async Task DeleteMeeting_ByChair_AllContentGone_AuditSurvives()
    {
        await _chat.SayAsync(Chair, "delete meeting");
        var confirm = (await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.IsCard("erase.meeting"))).Card!;
        await _chat.InvokeAsync(Chair, ActionData(confirm, "erase.meeting"));
        await CompactAsync();

        Assert.DoesNotContain(Secret, RawDatabase(), StringComparison.Ordinal);
        Assert.True(_app.AuditCount("agenda.caseAdded") == 2);
        Assert.Equal(1, _app.AuditCount("mdo.erased"));
    }

    [Fact]
    public async Task Audit_ChairGetsTrailWithoutContent_OthersRefused()
    {
        await _chat.SayAsync(Nurse, "audit");
        await _app.Connector.WaitForAsync(c => c.Title is { } t && t.Contains("Alleen de voorzitter", StringComparison.Ordinal));

        await _chat.SayAsync(Chair, "audit");
        var create = await _app.Connector.WaitForAsync(c => c.Kind == "create");
        var trail = await _app.Connector.WaitForAsync(c => c.Kind == "send" && c.ConversationId == create.ConversationId);
        Assert.Contains("agenda.caseAdded", trail.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, trail.Json, StringComparison.Ordinal);
    }
}
