using IceWatch.IngestApi.Alerts;
using IceWatch.IngestApi.Clients;
using IceWatch.IngestApi.Endpoints;
using IceWatch.IngestApi.Logging;
using IceWatch.IngestApi.Options;
using IceWatch.IngestApi.Ui;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Hosting;

public static class IngestApiApplicationExtensions
{
    public static WebApplication UseIngestApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Role == HostingRoles.Silo)
        {
            // A silo node answers its orchestrator's probes and nothing else.
            app.MapProbeEndpoints();
            return app;
        }
        app.UseTrustedProxies(app.Services.GetRequiredService<IOptions<IngestOptions>>().Value);
        app.UseMiddleware<RequestLog>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<UiKeyExchange>();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapProbeEndpoints();
        app.MapDumpEndpoints();
        app.MapReportEndpoints();
        app.MapSessionEndpoints();
        app.MapRegionEndpoints();
        app.MapUiEndpoints();
        app.MapAlertEndpoints();
        app.MapAlertRuleEndpoints();
        app.MapNotificationTargetEndpoints();
        app.MapKeyEndpoints();
        app.MapSettingsEndpoints();
        app.MapAdminEndpoints();
        return app;
    }
}
