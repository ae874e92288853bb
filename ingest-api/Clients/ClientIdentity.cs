using System.Security.Cryptography;
using System.Text;
using IceWatch.IngestApi.Options;
using IceWatch.Silo;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Clients;

/// <summary>
/// Names the network a request came from without storing its address: a keyed hash of the network
/// (<see cref="ClientNetwork"/>) under a random key shared by every node through the database. The
/// name keys the per-client rate limits and, for publishable-key uploads, the session's client, whose
/// weight in a region's paging rate is bounded (docs/alerting.md).
/// </summary>
public sealed class ClientIdentity(InstanceSecrets secrets, IOptions<IngestOptions> options)
{
    private const string KeyName = "client_network";
    private byte[]? _key;

    public async Task<string> OfAsync(HttpContext context, CancellationToken ct)
    {
        _key ??= await secrets.GetOrCreateAsync(KeyName, 32, ct);
        var network = ClientNetwork.Of(context.Connection.RemoteIpAddress, options.Value.ClientPrefixV4, options.Value.ClientPrefixV6);
        return "n:" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(network)).AsSpan(0, 12));
    }
}
