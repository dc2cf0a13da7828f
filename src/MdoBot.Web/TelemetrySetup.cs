using System.Runtime.CompilerServices;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using MdoBot.BotFramework.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MdoBot.Web;

/// <summary>
/// OpenTelemetry for MdoBot: its own spans and metrics (<see cref="BotTelemetry"/>), incoming requests,
/// outgoing HTTP calls (Bot Connector, Graph; URLs reduced to host and fixed path words, see
/// <see cref="HttpRedaction"/>) and .NET's HTTP metrics. Exported to Azure Monitor and/or OTLP, as configured;
/// nothing is collected when neither is configured.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddMdoBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azure = !string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString);
        if (!otlp && !azure)
        {
            return services;
        }

        AddExporters(services, configuration, options, otlp, azure);
        return services;
    }

    // Apart, so that a process without telemetry configured never loads the OpenTelemetry and Azure Monitor assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExporters(IServiceCollection services, IConfiguration configuration, TelemetryOptions options, bool otlp, bool azure)
    {
        var graphHost = Uri.TryCreate(configuration["Graph:BaseUrl"] ?? "https://graph.microsoft.com/v1.0", UriKind.Absolute, out var g) ? g.Authority : "";
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Only the bot endpoint: health probes and anything else (scanners) are not traced.
                    o.Filter = c => c.Request.Path.Equals("/api/messages", StringComparison.OrdinalIgnoreCase);
                    o.RecordException = false;
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.RecordException = false;
                    o.EnrichWithHttpRequestMessage = (activity, request) => HttpRedaction.Redact(activity, request.RequestUri);
                    o.EnrichWithHttpResponseMessage = (_, response) => HttpRedaction.CountThrottling(response, graphHost);
                }))
            .WithMetrics(m => m
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (otlp)
        {
            builder.UseOtlpExporter();
        }

        if (azure)
        {
            builder.UseAzureMonitor(o => o.ConnectionString = options.AzureMonitorConnectionString);
        }
    }
}
