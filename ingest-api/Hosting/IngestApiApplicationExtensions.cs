using IceWatch.IngestApi.Endpoints;

namespace IceWatch.IngestApi.Hosting;

public static class IngestApiApplicationExtensions
{
    public static WebApplication UseIngestApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
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
        app.MapAdminEndpoints();
        return app;
    }
}
