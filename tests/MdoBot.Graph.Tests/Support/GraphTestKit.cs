using MdoBot.BotFramework.Mail;
using MdoBot.Graph.Attendance;
using MdoBot.Graph.Http;
using MdoBot.Graph.Mail;
using Microsoft.Graph;

namespace MdoBot.Graph.Tests.Support;

/// <summary>Builds the real Graph client, sender and reader against a <see cref="FakeGraph"/>.</summary>
internal static class GraphTestKit
{
    public const string SenderMailbox = "mdobot@contoso.example";

    public static GraphOptions Options(FakeGraph fake, GraphMailFormat format = GraphMailFormat.Mime, int maxRetries = 2) => new()
    {
        SenderMailbox = SenderMailbox,
        BaseUrl = fake.BaseUrl,
        Credential = new StaticTokenCredential(),
        MailFormat = format,
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromSeconds(60),
        AttemptTimeout = TimeSpan.FromMinutes(10), // longer than any test advances the clock
    };

    public static GraphServiceClient Client(GraphOptions options, TimeProvider time, ListLoggerProvider logs) =>
        GraphClientBuilder.Create(options, options.Credential!, time, logs.CreateLogger("MdoBot.Graph.Http"), NoProxy());

    public static IMailSender Sender(GraphOptions options, TimeProvider time, ListLoggerProvider logs) =>
        new GraphMailSender(Client(options, time, logs), options, logs.For<GraphMailSender>());

    public static IAttendanceReader Reader(GraphOptions options, TimeProvider time, ListLoggerProvider logs) =>
        new GraphAttendanceReader(Client(options, time, logs), logs.For<GraphAttendanceReader>());

    public static SocketsHttpHandler NoProxy() => new() { UseProxy = false, AllowAutoRedirect = false };

    public static MailMessage Message(string to = "ouder@example.org") => new(
        to,
        MailSubjects.Summary(new DateOnly(2026, 11, 23)),
        "<html><body><h1>Samenvatting</h1><p>Afspraak: Sam gaat naar de logopedist.</p></body></html>",
        "Samenvatting\r\n\r\nAfspraak: Sam gaat naar de logopedist.");
}
