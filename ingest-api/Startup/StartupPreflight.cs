using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IceWatch.IngestApi.Startup;

/// <summary>
/// Checks before the host starts that the listening addresses are free and that the database, when
/// it answers, accepts IceWatch's login and knows its database, so the usual first-run problems (a
/// second instance on the port, a wrong connection string) are reported by <see cref="StartupFailure"/>
/// as one line instead of the host's failed start with its stack trace. A database that does not
/// answer yet is waited for: the node starts, says it is not ready, and joins when PostgreSQL is back.
/// </summary>
public static class StartupPreflight
{
    public static async Task PreflightAsync(this WebApplication app)
    {
        foreach (var url in (app.Configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            EnsureFree(url);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(timeout.Token);
        }
        catch (Exception e) when (e is not PostgresException { SqlState: "28000" or "28P01" or "3D000" })
        {
            app.Logger.LogWarning("PostgreSQL does not answer yet ({Error}); IceWatch starts and waits for it", e.Message);
        }
    }

    // Only literal addresses and localhost: wildcards and names are left to the server to bind.
    private static void EnsureFree(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return;
        var address = uri.IsLoopback && uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
        if (address is null) return;
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, uri.Port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new IOException($"Failed to bind to address {url}: address already in use.", e);
        }
    }
}
