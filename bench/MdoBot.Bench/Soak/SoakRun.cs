using System.Text.Json;

namespace MdoBot.Bench.Soak;

/// <summary>Starts the faulty connector and MdoBot, runs <see cref="SoakPhase"/>, prints the figures and writes the JSON.</summary>
public static class SoakRun
{
    public static async Task<int> RunAsync(BenchOptions options, string repoRoot, string outFile, HttpClient http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var outage = SoakPhase.OutageLength(options.SoakMinutes);
        Console.WriteLine($"Soak: {options.SoakConversations} chats, {options.SoakMinutes} min of faults, outage of {outage.TotalSeconds:0} s from the middle");
        await using var connector = await FaultyConnector.StartAsync(TimeSpan.FromSeconds(options.SoakMinutes * 30), outage);
        var env = SoakPhase.Environment.Concat(options.BotEnv).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        await using var bot = await BotProcess.StartAsync(repoRoot, options.BotDll, options.DbDir, env, ct);
        Console.WriteLine($"  MdoBot pid {bot.Pid} on {bot.BaseUrl}, connector {connector.ServiceUrl}");
        SoakResult result;
        try
        {
            result = await SoakPhase.RunAsync(options, bot, connector, http, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled: no result written.");
            return 130;
        }

        Console.WriteLine($"  faults answered: {string.Join(", ", result.Faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} × {f.Value}"))}");
        Console.WriteLine($"  {"conversation",-22} {"sent",5} {"deliv.",6} {"lost",5} {"dupl.",5} {"order",5} {"max late s",10}");
        foreach (var c in result.PerConversation)
        {
            Console.WriteLine($"  {c.ConversationId,-22} {c.Sent,5} {c.Delivered,6} {c.Lost,5} {c.Duplicated,5} {c.OutOfOrder,5} {c.MaxLatenessS,10:0.00}");
        }

        Console.WriteLine($"  total: sent {result.Sent}, delivered {result.Delivered}, lost {result.Lost}, duplicated {result.Duplicated}, " +
            $"out of order {result.OutOfOrder}, max lateness {result.MaxLatenessS:0.00} s");
        Console.WriteLine($"  MdoBot log: {bot.WarningLines} warnings, {bot.ErrorLines} errors");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(result, BenchReport.Json) + "\n", CancellationToken.None);
        Console.WriteLine($"Written {Path.GetRelativePath(Environment.CurrentDirectory, outFile)}");
        return result.Lost == 0 && result.OutOfOrder == 0 ? 0 : 3;
    }
}
