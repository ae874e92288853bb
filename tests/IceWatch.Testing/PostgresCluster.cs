using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IceWatch.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests: initdb into a fresh temp dir, trust auth, 127.0.0.1
/// on a free port, stopped by PID and deleted on dispose. When ICEWATCH_TEST_DATABASE names a
/// running server, that server is used instead and only fresh databases are created on it.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string ServerVariable = "ICEWATCH_TEST_DATABASE";
    private Process? _postgres;
    private readonly string? _directory;
    private IReadOnlyList<string> _arguments = [];
    private readonly EventHandler _onProcessExit;

    private PostgresCluster(string connectionString, Process? postgres, string? directory)
    {
        ConnectionString = connectionString;
        _postgres = postgres;
        _directory = directory;
        // Should the test run end without disposing (a crashed fixture), still stop the server.
        _onProcessExit = (_, _) => StopQuietly();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>The server's maintenance database (postgres), as superuser.</summary>
    public string ConnectionString { get; }

    /// <param name="durableCommits">Keep synchronous_commit on, for tests that crash the server and count what survived.</param>
    public static async Task<PostgresCluster> StartAsync(CancellationToken ct, bool durableCommits = false)
    {
        if (!durableCommits && Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } external)
            return new PostgresCluster(external, null, null);

        var binaries = PostgresBinaries.Newest();
        var directory = Directory.CreateTempSubdirectory("icewatch-pg-").FullName;
        var data = Path.Combine(directory, "data");
        await OsUser.GiveToPostgresAsync(directory, ct);
        await OsUser.RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], ct);

        var port = FreePort();
        string[] arguments =
        [
            "-D", data, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "fsync=off", "-c", $"synchronous_commit={(durableCommits ? "on" : "off")}", "-c", "full_page_writes=off", "-c", "max_connections=300",
        ];
        var postgres = OsUser.Start(Path.Combine(binaries, "postgres"), arguments, Path.Combine(directory, "postgres.log"));
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=5";
        var cluster = new PostgresCluster(connectionString, postgres, directory) { _arguments = arguments };
        try
        {
            await cluster.WaitUntilReadyAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        var database = $"{Sanitize(name)}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = true }.ConnectionString;
    }

    /// <summary>Stops the server as a crash would (immediate shutdown, no checkpoint). Own clusters only.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _postgres, null) is not { } postgres) return;
        OsUser.QuitImmediately(postgres);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try { await postgres.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { postgres.Kill(); }
        postgres.Dispose();
    }

    /// <summary>Starts a stopped server again on the same port and data, and waits until it answers.</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        if (_directory is null || _postgres is not null) throw new InvalidOperationException("Only a stopped cluster of its own can restart.");
        _postgres = OsUser.Start(Path.Combine(PostgresBinaries.Newest(), "postgres"), _arguments, Path.Combine(_directory, "postgres.log"));
        await WaitUntilReadyAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        await StopAsync();
        await DeleteDirectoryAsync();
    }

    private void StopQuietly()
    {
        try
        {
            if (_postgres is { } postgres) OsUser.QuitImmediately(postgres);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_postgres!.HasExited)
                throw new InvalidOperationException($"postgres exited with {_postgres.ExitCode}: {ReadLog()}");
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(_directory!, "postgres.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    // Server children can still be removing their files for a moment after the postmaster is gone.
    private async Task DeleteDirectoryAsync()
    {
        for (var attempt = 1; _directory is not null && Directory.Exists(_directory); attempt++)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Sanitize(string name)
    {
        var clean = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return clean.Length > 28 ? clean[..28] : clean.Length == 0 ? "db" : clean;
    }
}
