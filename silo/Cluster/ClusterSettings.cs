using System.Net;
using Microsoft.Extensions.Configuration;

namespace IceWatch.Silo;

/// <summary>
/// How a node joins the Orleans cluster. Read once at start-up, since they shape the host: every
/// setting comes from ICEWATCH_* (ICEWATCH_CLUSTER_ID, ICEWATCH_SILO_ADDRESS, ICEWATCH_SILO_PORT,
/// ICEWATCH_GATEWAY_PORT, ICEWATCH_SESSION_IDLE_SECONDS, ICEWATCH_PROBE_TIMEOUT_SECONDS,
/// ICEWATCH_MISSED_PROBES, ICEWATCH_DEATH_VOTES, ICEWATCH_RECOVERY_GRACE_SECONDS).
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Nodes with the same id and database form one cluster.</summary>
    public string ClusterId { get; init; } = "icewatch";

    /// <summary>
    /// The address other silos and clients reach this silo at: an IP (a pod IP in Kubernetes), or
    /// <c>host</c> for this machine's first address that is not loopback (a container on a compose network).
    /// </summary>
    public IPAddress SiloAddress { get; init; } = IPAddress.Loopback;

    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;

    /// <summary>An idle session grain leaves memory after this; its state stays in PostgreSQL.</summary>
    public TimeSpan SessionIdle { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Membership: a silo missing this many probes of this length, suspected by this many others, is declared dead.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public int MissedProbes { get; init; } = 2;
    public int DeathVotes { get; init; } = 2;

    /// <summary>An upload still unprocessed this long after it was accepted is handed to its grain again by the recovery sweep.</summary>
    public TimeSpan RecoveryGrace { get; init; } = TimeSpan.FromSeconds(3);

    public static ClusterSettings Read(IConfiguration configuration)
    {
        var s = new ClusterSettings();
        EnvironmentSettings.Read(configuration, "ICEWATCH_CLUSTER_ID", v => s = s with { ClusterId = v.Trim() });
        EnvironmentSettings.Read(configuration, "ICEWATCH_SILO_ADDRESS", v => s = s with
        {
            SiloAddress = v.Trim() == "host" ? HostAddress()
                : IPAddress.TryParse(v.Trim(), out var ip) ? ip
                : throw EnvironmentSettings.Invalid("ICEWATCH_SILO_ADDRESS", $"ICEWATCH_SILO_ADDRESS must be an IP address or 'host', not '{v}'."),
        });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_SILO_PORT", v => s = s with { SiloPort = Port("ICEWATCH_SILO_PORT", v) });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_GATEWAY_PORT", v => s = s with { GatewayPort = Port("ICEWATCH_GATEWAY_PORT", v) });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_SESSION_IDLE_SECONDS", v => s = s with { SessionIdle = Seconds("ICEWATCH_SESSION_IDLE_SECONDS", v, 2) });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_PROBE_TIMEOUT_SECONDS", v => s = s with { ProbeTimeout = Seconds("ICEWATCH_PROBE_TIMEOUT_SECONDS", v, 0.1) });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_MISSED_PROBES", v => s = s with { MissedProbes = Count("ICEWATCH_MISSED_PROBES", v) });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_DEATH_VOTES", v => s = s with { DeathVotes = Count("ICEWATCH_DEATH_VOTES", v) });
        EnvironmentSettings.ReadNumber(configuration, "ICEWATCH_RECOVERY_GRACE_SECONDS", v => s = s with { RecoveryGrace = Seconds("ICEWATCH_RECOVERY_GRACE_SECONDS", v, 0.1) });
        if (string.IsNullOrEmpty(s.ClusterId)) throw EnvironmentSettings.Invalid("ICEWATCH_CLUSTER_ID", "ICEWATCH_CLUSTER_ID must not be empty.");
        return s;
    }

    private static IPAddress HostAddress()
    {
        var addresses = Dns.GetHostAddresses(Dns.GetHostName()).Where(a => !IPAddress.IsLoopback(a)).ToList();
        return addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw EnvironmentSettings.Invalid("ICEWATCH_SILO_ADDRESS", "ICEWATCH_SILO_ADDRESS=host, but this machine has no address other than loopback.");
    }

    private static int Port(string name, double value) =>
        value is >= 1 and <= 65535 && value == Math.Floor(value) ? (int)value : throw EnvironmentSettings.Invalid(name, $"{name} must be a port number (1-65535), not {value}.");

    private static int Count(string name, double value) =>
        value is >= 1 and <= 100 && value == Math.Floor(value) ? (int)value : throw EnvironmentSettings.Invalid(name, $"{name} must be a whole number from 1 to 100, not {value}.");

    private static TimeSpan Seconds(string name, double value, double least) =>
        value >= least && value <= 86_400 ? TimeSpan.FromSeconds(value) : throw EnvironmentSettings.Invalid(name, $"{name} must be between {least} and 86400 seconds, not {value}.");
}
