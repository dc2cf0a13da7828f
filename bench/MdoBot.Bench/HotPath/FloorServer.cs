using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// The floor: a bare Kestrel server (the bench's own executable, <c>--serve-floor BODYFILE PORT</c>)
/// that reads each POST /api/messages and answers a fixed invoke body — a copy of one real MdoBot
/// answer, so the bytes on the wire are the same size. GET /_stats counts the answers.
/// </summary>
public static class FloorServer
{
    public const string Flag = "--serve-floor";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync($"usage: {Flag} BODYFILE PORT");
            return 2;
        }

        var body = await File.ReadAllBytesAsync(args[0]);
        var port = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        long answered = 0;
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            Interlocked.Increment(ref answered);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        app.MapGet("/_stats", () => Results.Json(new { versions = Interlocked.Read(ref answered) }));
        await app.RunAsync();
        return 0;
    }
}
