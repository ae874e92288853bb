using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace IceWatch.Silo;

/// <summary>
/// Exports the IceWatch meter over OTLP when an OTLP endpoint is configured. The exporter reads the
/// standard OTEL_EXPORTER_OTLP_* variables itself (endpoint, protocol, headers, timeout);
/// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override the default service name "icewatch".
/// </summary>
internal sealed class OtlpMetricsService(IceWatchMetrics metrics, ILogger<OtlpMetricsService> logger) : IHostedService, IDisposable
{
    private MeterProvider? _provider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled()) return Task.CompletedTask;
        GC.KeepAlive(metrics); // the instruments must exist before the provider looks for the meter
        _provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty()
                .AddService("icewatch", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId)
                .AddTelemetrySdk()
                .AddEnvironmentVariableDetector())
            .AddMeter(MetricNames.Meter, MetricNames.OrleansMeter)
            .AddOtlpExporter()
            .Build();
        logger.LogInformation("Exporting metrics over OTLP to {Endpoint}", Endpoint());
        return Task.CompletedTask;
    }

    /// <summary>Sends the last values before the process ends.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _provider?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose() => _provider?.Dispose();

    private static bool Enabled() =>
        !string.Equals(Environment.GetEnvironmentVariable("OTEL_SDK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(Environment.GetEnvironmentVariable("OTEL_METRICS_EXPORTER"), "none", StringComparison.OrdinalIgnoreCase)
        && Endpoint() is not null;

    private static string? Endpoint() =>
        Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") is { Length: > 0 } metricsEndpoint ? metricsEndpoint
        : Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } endpoint ? endpoint : null;
}
