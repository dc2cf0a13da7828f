using MdoBot.BotFramework.Mail;
using Azure.Core;
using MdoBot.Graph.Attendance;
using MdoBot.Graph.Mail;
using MdoBot.Graph.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MdoBot.Graph.Tests;

public sealed class GraphServiceCollectionTests
{
    private readonly ListLoggerProvider _logs = new();

    [Fact]
    public async Task AddMdoBotGraph_NotConfigured_SkipsEveryMailAndLogsThatOnce()
    {
        await using var services = Build(new Dictionary<string, string?>());
        var sender = services.GetRequiredService<IMailSender>();

        var first = await sender.SendAsync(GraphTestKit.Message(), CancellationToken.None);
        var second = await services.GetRequiredService<IMailSender>().SendAsync(GraphTestKit.Message(), CancellationToken.None);

        Assert.IsType<NullMailSender>(sender);
        Assert.Same(MailResult.Skipped, first);
        Assert.Same(MailResult.Skipped, second);
        Assert.Equal(MailOutcome.Skipped, first.Outcome);
        var logged = Assert.Single(_logs.Entries);
        Assert.Equal("E-mail is not configured: e-mails are skipped", logged.Message);
        Assert.Equal(LogLevel.Information, logged.Level);
    }

    [Fact]
    public async Task AddMdoBotGraph_SenderButNoCredential_IsNotEnabledAndSkips()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Graph:SenderMailbox"] = GraphTestKit.SenderMailbox });

        Assert.False(services.GetRequiredService<IOptions<GraphOptions>>().Value.Enabled);
        Assert.IsType<NullMailSender>(services.GetRequiredService<IMailSender>());
        Assert.IsType<NullAttendanceReader>(services.GetRequiredService<IAttendanceReader>());
    }

    [Fact]
    public async Task AddMdoBotGraph_NotConfigured_AttendanceIsNullAndLoggedOnce()
    {
        await using var services = Build(new Dictionary<string, string?>());
        var reader = services.GetRequiredService<IAttendanceReader>();

        Assert.Null(await reader.GetAttendanceAsync("organizer", "https://teams.microsoft.com/l/meetup-join/x", CancellationToken.None));
        Assert.Null(await reader.GetAttendanceAsync("organizer", "https://teams.microsoft.com/l/meetup-join/x", CancellationToken.None));
        Assert.Equal("Graph not configured: attendance skipped", Assert.Single(_logs.Entries).Message);
    }

    [Fact]
    public async Task AddMdoBotGraph_HostCredentialAndSender_SendsThroughGraphWithTheSharedCredential()
    {
        await using var fake = await FakeGraph.StartAsync();
        var credential = new StaticTokenCredential();
        await using var services = Build(
            new Dictionary<string, string?>
            {
                ["Graph:SenderMailbox"] = GraphTestKit.SenderMailbox,
                ["Graph:BaseUrl"] = fake.BaseUrl,
                ["Graph:MailFormat"] = "Json",
            },
            (_, _) => credential);

        Assert.True(services.GetRequiredService<IOptions<GraphOptions>>().Value.Enabled);
        var result = await services.GetRequiredService<IMailSender>().SendAsync(GraphTestKit.Message(), CancellationToken.None);

        Assert.True(result.IsSent);
        var request = Assert.Single(fake.Requests);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.NotEmpty(credential.Scopes);
        Assert.IsNotType<NullAttendanceReader>(services.GetRequiredService<IAttendanceReader>());
    }

    [Fact]
    public async Task AddMdoBotGraph_InvalidBaseUrl_FailsOnResolveWithAClearMessage()
    {
        await using var services = Build(
            new Dictionary<string, string?> { ["Graph:SenderMailbox"] = GraphTestKit.SenderMailbox, ["Graph:BaseUrl"] = "http://graph.example.com/v1.0" },
            (_, _) => new StaticTokenCredential());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMailSender>());
        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings, Func<IServiceProvider, GraphOptions, TokenCredential?>? credential = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(new GraphPrimaryHandler(GraphTestKit.NoProxy));
        services.AddMdoBotGraph(configuration, credential);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
