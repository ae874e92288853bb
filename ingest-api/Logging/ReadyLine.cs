using IceWatch.IngestApi.Options;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Logging;

/// <summary>The one line that says IceWatch is up, where, and in which role (the framework's own start-up lines are below the default level).</summary>
public static class ReadyLine
{
    public static WebApplication LogWhenReady(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IceWatch");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var role = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Role;
            logger.LogInformation("IceWatch is ready on {Urls} (role {Role}); UI at /ui, API under /v1", string.Join(", ", app.Urls), role);
        });
        app.Lifetime.ApplicationStopping.Register(() => logger.LogInformation("IceWatch is stopping"));
        return app;
    }
}
