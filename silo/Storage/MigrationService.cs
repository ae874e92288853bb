using Microsoft.Extensions.Hosting;

namespace IceWatch.Silo;

/// <summary>Registered before every other hosted service, so the schema is current before anything uses it.</summary>
internal sealed class MigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
