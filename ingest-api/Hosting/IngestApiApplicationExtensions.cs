using IceWatch.IngestApi.Alerts;
using IceWatch.IngestApi.Endpoints;

namespace IceWatch.IngestApi.Hosting;

public static class IngestApiApplicationExtensions
{
    public static WebApplication UseIngestApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapDumpEndpoints();
        app.MapReportEndpoints();
        app.MapSessionEndpoints();
        app.MapRegionEndpoints();
        app.MapAlertEndpoints();
        app.MapAlertRuleEndpoints();
        app.MapNotificationTargetEndpoints();
        return app;
    }
}
