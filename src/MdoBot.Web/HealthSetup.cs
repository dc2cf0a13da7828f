using MdoBot.BotFramework.Storage;
using MdoBot.Storage;
using MdoBot.BotFramework.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MdoBot.Web;

/// <summary>
/// <c>/healthz</c>: the process answers (App Service's health check). <c>/readyz</c>: the database is
/// reachable and at this release's schema version, the outbox and timer loops run, and the oldest
/// pending outgoing message is younger than <see cref="HealthOptions.MaxOutboxAge"/>.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddMdoBotHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section));
        services.AddSingleton<OutboxMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxMonitor>());
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<LoopsCheck>("loops", tags: [Ready])
            .AddCheck<OutboxAgeCheck>("outbox", tags: [Ready]);
        return services;
    }

    public static void MapMdoBotHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        });
    }

    /// <summary>One line per check ("database: Healthy"), plus its description when not healthy; no data.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(e => e.Value.Status == HealthStatus.Healthy
            ? $"{e.Key}: Healthy"
            : $"{e.Key}: {e.Value.Status} ({e.Value.Description})");
        return context.Response.WriteAsync(report.Status + "\n" + string.Join('\n', lines) + "\n");
    }

    private sealed class DatabaseCheck(SqlStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!await store.PingAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database unreachable");
            }

            var version = await store.GetSchemaVersionAsync(cancellationToken);
            return version == SqlStore.LatestSchemaVersion
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"schema version {version}, expected {SqlStore.LatestSchemaVersion}");
        }
    }

    private sealed class LoopsCheck(IEnumerable<IHostedService> hosted) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var stopped = new[] { typeof(OutboxDispatcher), typeof(TimerScheduler) }
                .Where(type => hosted.FirstOrDefault(h => h.GetType() == type) is not BackgroundService { ExecuteTask: { IsCompleted: false } })
                .Select(type => type.Name)
                .ToList();
            return Task.FromResult(stopped.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("not running: " + string.Join(", ", stopped)));
        }
    }

    private sealed class OutboxAgeCheck(OutboxMonitor monitor, IOptions<HealthOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var (stats, age) = await monitor.SampleAsync(cancellationToken);
            var max = options.Value.MaxOutboxAge;
            return age <= max
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"oldest of {stats.Pending} pending messages waits {age.TotalSeconds:0} s (limit {max.TotalSeconds:0} s)");
        }
    }
}
