using Xunit;

namespace IceWatch.Testing;

/// <summary>
/// One PostgreSQL server shared by every database test class; each test asks for a fresh database.
/// xunit only finds collection definitions in the test assembly itself, so each test project
/// declares <c>[CollectionDefinition("PostgreSQL")] class ... : ICollectionFixture&lt;PostgresFixture&gt;</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture is not started.");

    public Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default) =>
        Cluster.CreateDatabaseAsync(name, ct);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _cluster = await PostgresCluster.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
