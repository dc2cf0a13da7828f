using MdoBot.BotFramework.Storage;
using MdoBot.Storage;
using MdoBot.Storage.Sqlite;
using MdoBot.BotFramework.Configuration;
using Microsoft.Extensions.Options;

namespace MdoBot.Web;

public static partial class StorageSetup
{
    /// <summary>The application clock: real time, or (development only) a faster one for demos and end-to-end tests.</summary>
    public static IServiceCollection AddMdoBotClock(this IServiceCollection services, IConfiguration configuration)
    {
        var scale = configuration.GetValue<double?>("Development:TimeScale");
        if (scale is > 1)
        {
            if (!string.IsNullOrWhiteSpace(configuration["Bot:AppId"]))
            {
                throw new InvalidOperationException("Development:TimeScale is for development only and cannot be used with a Bot:AppId.");
            }

            // The origin is kept beside the database, so the fast clock stays consistent across restarts.
            var originFile = (configuration["Storage:SqlitePath"] ?? "data/mdobot.db") + ".clock";
            var origin = ScaledTimeProvider.LoadOrCreateOrigin(originFile, TimeProvider.System);
            services.AddSingleton<TimeProvider>(new ScaledTimeProvider(TimeProvider.System, scale.Value, origin));
        }

        return services;
    }

    public static IServiceCollection AddMdoBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<SqlStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.Provider.ToLowerInvariant() switch
            {
                "sqlite" => new SqliteStore(options.SqlitePath, time, options.SqliteSynchronous, options.SqliteGroupCommit, options.SqliteMmapMegabytes),
                "postgres" => CreatePostgres(options, time),
                _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
            };
        });
        services.AddSingleton<IStore>(sp => sp.GetRequiredService<SqlStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqlStore>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<SqlStore>());
        services.AddSingleton<IMemberLinkStore>(sp => sp.GetRequiredService<SqlStore>());
        return services;
    }

    private static MdoBot.Storage.Postgres.PostgresStore CreatePostgres(StorageOptions options, TimeProvider time)
    {
        var connection = options.PostgresConnectionString
            ?? throw new InvalidOperationException("Storage:PostgresConnectionString is required for the postgres provider.");
        return options.PostgresAuthentication.Equals("Entra", StringComparison.OrdinalIgnoreCase)
            ? new MdoBot.Storage.Postgres.PostgresStore(
                MdoBot.Storage.Postgres.PostgresEntraAuth.CreateDataSource(connection, ManagedIdentity(options.PostgresManagedIdentityClientId)),
                time, ownsDataSource: true)
            : new MdoBot.Storage.Postgres.PostgresStore(connection, time);
    }

    private static Azure.Identity.ManagedIdentityCredential ManagedIdentity(string? clientId) =>
        new(string.IsNullOrWhiteSpace(clientId)
            ? Azure.Identity.ManagedIdentityId.SystemAssigned
            : Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(clientId));

    /// <summary>Applies migrations and states the security mode before the first request.</summary>
    public static async Task PrepareMdoBotAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<SqlStore>().MigrateAsync(app.Services.GetServices<IDocumentIndexer>());
        var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MdoBot");
        if (bot.IsDevelopmentMode)
        {
            LogDevelopmentMode(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Bot:AppId configured: development mode. Only loopback callers without a token are accepted on /api/messages.")]
    private static partial void LogDevelopmentMode(ILogger logger);
}
