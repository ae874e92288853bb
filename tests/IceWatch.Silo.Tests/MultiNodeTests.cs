using System.Diagnostics;
using IceWatch.Testing;
using Xunit.Abstractions;

namespace IceWatch.Silo.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MultiNodeTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_silo_processes_sharing_one_inbox_produce_exact_totals()
    {
        await using var storage = await Storage.CreateAsync(postgres, "nodes_two");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        using var first = SiloProcess.Start(storage.ConnectionString);
        using var second = SiloProcess.Start(storage.ConnectionString);
        // Work reaches grains through the recovery sweep of whichever silo is active first; with the
        // other still joining, every session would be placed on that one.
        await SiloMembership.WaitUntilActiveAsync(storage.ConnectionString, 2, TimeSpan.FromMinutes(2));
        var inbox = await Inbox.FillAsync(storage, tenant.Id, sessions: 300, uploadsPerSession: 3, peerConnectionsPerUpload: 3);

        var clock = Stopwatch.StartNew();
        await WaitUntilProcessedAsync(storage, inbox.Uploads, TimeSpan.FromMinutes(3), first, second);
        output.WriteLine($"{inbox.Uploads} uploads in {clock.Elapsed.TotalSeconds:F1} s; sessions committed: {first.ProcessedSessions} + {second.ProcessedSessions}");

        await inbox.AssertProcessedExactlyAsync(storage, tenant.Id);
        Assert.True(first.ProcessedSessions > 0, first.Output);
        Assert.True(second.ProcessedSessions > 0, second.Output);
    }

    [Fact]
    public async Task A_silo_killed_mid_batch_loses_nothing_and_another_finishes_with_exact_totals()
    {
        await using var storage = await Storage.CreateAsync(postgres, "nodes_kill");
        var tenant = await storage.Tenants.EnsureTenantAsync("acme", CancellationToken.None);
        var inbox = await Inbox.FillAsync(storage, tenant.Id, sessions: 400, uploadsPerSession: 3, peerConnectionsPerUpload: 3);

        long processedAtKill, inFlight;
        using (var doomed = SiloProcess.Start(storage.ConnectionString))
        {
            await WaitUntilProcessedAsync(storage, inbox.Uploads / 4, TimeSpan.FromMinutes(3), doomed);
            // Kill it while one of its transactions has claimed a session and not yet committed.
            while ((inFlight = await storage.ScalarAsync<long>("""
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND a.datname = current_database() AND a.pid <> pg_backend_pid()
                """)) == 0)
                await Task.Yield();
            doomed.KillHard();
            processedAtKill = await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NOT NULL");
        }
        Assert.InRange(processedAtKill, inbox.Uploads / 4, inbox.Uploads - 1);

        using var survivor = SiloProcess.Start(storage.ConnectionString);
        await WaitUntilProcessedAsync(storage, inbox.Uploads, TimeSpan.FromMinutes(3), survivor);
        output.WriteLine($"killed with {inFlight} transactions open after {processedAtKill} of {inbox.Uploads} uploads; the survivor committed {survivor.ProcessedSessions} sessions");

        await inbox.AssertProcessedExactlyAsync(storage, tenant.Id);
        Assert.True(survivor.ProcessedSessions > 0, survivor.Output);
    }

    private static async Task<long> WaitUntilProcessedAsync(Storage storage, long uploads, TimeSpan timeout, params SiloProcess[] silos)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var processed = await storage.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE processed_at IS NOT NULL");
            if (processed >= uploads) return processed;
            foreach (var silo in silos)
                Assert.False(silo.HasExited, $"silo {silo.Id} exited early:\n{silo.Output}");
            Assert.True(deadline.Elapsed < timeout, $"only {processed} of {uploads} uploads processed in {timeout}:\n{silos[0].Output}");
            await Task.Delay(25);
        }
    }
}
