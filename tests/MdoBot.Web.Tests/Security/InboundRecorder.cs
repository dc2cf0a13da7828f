using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdoBot.Web.Tests.Security;

/// <summary>One request to <c>/api/messages</c> as it arrived, with MdoBot's answer.</summary>
public sealed record RecordedInbound(int Sequence, byte[] Body, int Status, string ResponseBody);

/// <summary>
/// Records every <c>POST /api/messages</c> exactly as it reached MdoBot, and the answer it gave
/// (add with <c>services.AddSingleton&lt;IStartupFilter&gt;(recorder)</c>). <see cref="Enabled"/> pauses it.
/// </summary>
public sealed class InboundRecorder : IStartupFilter
{
    private readonly ConcurrentQueue<RecordedInbound> _requests = new();
    private int _sequence;

    public bool Enabled { get; set; } = true;

    public IReadOnlyList<RecordedInbound> Requests => [.. _requests.OrderBy(r => r.Sequence)];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (!Enabled || !HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/api/messages")
            {
                await proceed(context);
                return;
            }

            var sequence = Interlocked.Increment(ref _sequence);
            using var requestCopy = new MemoryStream();
            await context.Request.Body.CopyToAsync(requestCopy);
            var body = requestCopy.ToArray();
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;

            var original = context.Response.Body;
            using var responseCopy = new MemoryStream();
            context.Response.Body = responseCopy;
            try
            {
                await proceed(context);
            }
            finally
            {
                context.Response.Body = original;
                responseCopy.Position = 0;
                await responseCopy.CopyToAsync(original);
            }

            _requests.Enqueue(new RecordedInbound(sequence, body, context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(responseCopy.ToArray())));
        });
        next(app);
    };
}
