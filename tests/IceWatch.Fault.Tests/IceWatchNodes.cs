using IceWatch.Testing;
using Npgsql;

namespace IceWatch.Fault.Tests;

/// <summary>Ingest and silo processes on loopback against one database, started, killed and restarted by the tests.</summary>
public sealed class IceWatchNodes : IAsyncDisposable
{
    public const string ApiKey = "fault-test-key-0123456789abcdef";
    private readonly List<NodeProcess> _nodes = [];

    private IceWatchNodes(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }
    public IReadOnlyList<NodeProcess> All => _nodes;
    public IReadOnlyList<Uri> IngestUrls => _nodes.Where(n => n.Url is not null).Select(n => n.Url!).ToList();

    public static async Task<IceWatchNodes> StartAsync(string connectionString, int ingest, int silos, bool waitForDatabase = true)
    {
        var nodes = new IceWatchNodes(connectionString);
        var common = new Dictionary<string, string>
        {
            ["ICEWATCH_DATABASE"] = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3, CommandTimeout = 10 }.ConnectionString,
            ["ICEWATCH_BOOTSTRAP_API_KEY"] = ApiKey,
            ["ICEWATCH_RATE_LIMIT_PER_SECOND"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        for (var i = 0; i < ingest; i++)
            nodes._nodes.Add(new NodeProcess($"ingest-{i}", RepoPaths.IngestDll, new Dictionary<string, string>(common) { ["ICEWATCH_ROLE"] = "ingest" }, RepoPaths.FreeLoopbackUrl()));
        // Each silo keeps its ports across restarts, as a pod or a systemd unit would; a restart is a new generation.
        for (var i = 0; i < silos; i++)
            nodes._nodes.Add(new NodeProcess($"silo-{i}", RepoPaths.SiloDll, new Dictionary<string, string>(common)
            {
                ["ICEWATCH_SILO_PORT"] = FreePorts.Next().ToString(),
                ["ICEWATCH_GATEWAY_PORT"] = FreePorts.Next().ToString(),
            }));
        if (!waitForDatabase)
        {
            foreach (var node in nodes._nodes) node.Start();
            return nodes;
        }
        // The first ingest process applies the migrations and the bootstrap key before the others start.
        nodes._nodes[0].Start();
        await nodes._nodes[0].WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        foreach (var node in nodes._nodes.Skip(1)) node.Start();
        foreach (var node in nodes._nodes.Where(n => n.Url is not null)) await node.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        await SiloMembership.WaitUntilActiveAsync(nodes.ConnectionString, silos, TimeSpan.FromSeconds(60));
        return nodes;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) node.Dispose();
        return ValueTask.CompletedTask;
    }
}
