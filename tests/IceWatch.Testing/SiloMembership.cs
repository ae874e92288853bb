using Npgsql;

namespace IceWatch.Testing;

/// <summary>The cluster as the membership table sees it.</summary>
public static class SiloMembership
{
    /// <summary>
    /// Waits until at least <paramref name="silos"/> silos are active (status 3). A cluster is formed only
    /// then: a silo that is still joining takes no grains, and killing the only active one measures start-up.
    /// </summary>
    public static async Task WaitUntilActiveAsync(string connectionString, int silos, TimeSpan timeout, CancellationToken ct = default)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var count = db.CreateCommand("SELECT count(*) FROM orleans_members WHERE status = 3");
        var deadline = DateTime.UtcNow + timeout;
        while (Convert.ToInt64(await count.ExecuteScalarAsync(ct)) < silos)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fewer than {silos} silos active after {timeout}");
            await Task.Delay(200, ct);
        }
    }
}
