using MdoBot.BotFramework.Mail;
using Azure.Core;
using MdoBot.BotFramework.Outbound;
using MdoBot.Graph.Attendance;
using MdoBot.Graph.Http;
using MdoBot.Graph.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace MdoBot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GraphOptions"/> from section <c>Graph</c> and registers <see cref="IMailSender"/> and
    /// <see cref="IAttendanceReader"/>. When Graph is not configured they are <see cref="NullMailSender"/>
    /// (every send is <see cref="MailResult.Skipped"/>, logged once) and <see cref="NullAttendanceReader"/>.
    /// <paramref name="credentialFactory"/> lets the host supply the credential (e.g. the bot's own, so both
    /// share configuration); return null to fall back to <c>Graph:CredentialKind</c>. Waits run on
    /// <see cref="OutboundClock"/> (real time unless the host registers another).
    /// </summary>
    public static IServiceCollection AddMdoBotGraph(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, GraphOptions, TokenCredential?>? credentialFactory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var optionsBuilder = services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.Section))
            .Validate(o => o.Validate() is null, "Graph options are invalid (BaseUrl https, MaxRetries 0-10, MaxRetryAfter <= 10 min, AttemptTimeout 10 ms-30 min).");
        if (credentialFactory is not null)
        {
            optionsBuilder.PostConfigure<IServiceProvider>((o, sp) => o.Credential ??= credentialFactory(sp, o));
        }

        services.TryAddSingleton(new OutboundClock(TimeProvider.System));
        // The factories below touch Microsoft.Graph's types only inside GraphClients, which runs only when Graph has
        // credentials: a process without Graph never loads Microsoft.Graph.dll (about 6 MB of resident memory).
        services.TryAddSingleton(GraphClients.CreateHolder);
        services.TryAddSingleton<IMailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return options.Enabled // a sender mailbox and credentials
                ? GraphClients.CreateMailSender(sp, options)
                : new NullMailSender(sp.GetRequiredService<ILogger<NullMailSender>>());
        });
        services.TryAddSingleton<IAttendanceReader>(sp =>
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.HasCredentials
                ? GraphClients.CreateAttendanceReader(sp)
                : new NullAttendanceReader(sp.GetRequiredService<ILogger<NullAttendanceReader>>()));
        return services;
    }
}

/// <summary>Builds the Graph client and adapters; called only when Graph has credentials.</summary>
internal static class GraphClients
{
    public static GraphClientHolder CreateHolder(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
        return new GraphClientHolder(GraphClientBuilder.Create(
            options,
            GraphCredentialFactory.Create(options) ?? throw new InvalidOperationException("Graph has no credentials configured."),
            sp.GetRequiredService<OutboundClock>().Time,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("MdoBot.Graph.Http"),
            sp.GetService<GraphPrimaryHandler>()?.Create()));
    }

    public static IMailSender CreateMailSender(IServiceProvider sp, GraphOptions options) =>
        new GraphMailSender(Client(sp), options, sp.GetRequiredService<ILogger<GraphMailSender>>());

    public static IAttendanceReader CreateAttendanceReader(IServiceProvider sp) =>
        new GraphAttendanceReader(Client(sp), sp.GetRequiredService<ILogger<GraphAttendanceReader>>());

    private static GraphServiceClient Client(IServiceProvider sp) => sp.GetRequiredService<GraphClientHolder>().Client;
}

/// <summary>The one Graph client of the process (built on first use, with credentials only); disposed with the container.</summary>
internal sealed class GraphClientHolder(GraphServiceClient client) : IDisposable
{
    public GraphServiceClient Client { get; } = client;

    public void Dispose() => Client.Dispose();
}

/// <summary>Tests register this to give the Graph client their own innermost handler (e.g. no proxy).</summary>
internal sealed record GraphPrimaryHandler(Func<HttpMessageHandler> Create);
