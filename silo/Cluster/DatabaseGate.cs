using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace IceWatch.Silo;

/// <summary>
/// Holds the silo's start before membership touches the database, until the schema is current: a silo
/// started during a database outage waits for it instead of failing, and the process keeps serving probes.
/// </summary>
internal sealed class DatabaseGate(DatabaseReadiness readiness, ILogger<DatabaseGate> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatabaseGate), ServiceLifecycleStage.RuntimeInitialize - 1, async ct =>
        {
            if (!readiness.IsReady) logger.LogInformation("The silo waits for PostgreSQL before joining the cluster");
            await readiness.WaitAsync(ct);
        });
}
