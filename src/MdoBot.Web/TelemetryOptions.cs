namespace MdoBot.Web;

/// <summary>
/// Configuration section <c>Telemetry</c>. Traces and metrics go to Azure Monitor (Application
/// Insights) when <see cref="AzureMonitorConnectionString"/> is set, and to an OTLP collector when the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and <c>OTEL_EXPORTER_OTLP_*</c>) variables are set.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Application Insights connection string (an ingestion address, not a credential).</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "MdoBot";
}

/// <summary>Configuration section <c>Health</c>: thresholds of <c>/readyz</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Longest time the oldest pending outgoing message may wait before MdoBot reports not ready.</summary>
    public TimeSpan MaxOutboxAge { get; set; } = TimeSpan.FromMinutes(10);
}
