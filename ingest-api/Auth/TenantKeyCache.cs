using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IceWatch.IngestApi.Options;
using IceWatch.Silo;
using Microsoft.Extensions.Options;

namespace IceWatch.IngestApi.Auth;

/// <summary>
/// Remembers what a valid API key is (tenant, kind, origins) for a short while, so an upload costs one
/// database round trip instead of two. Keyed by the key's SHA-256, never the key itself. A revoked
/// key stops working here at once and on other API processes within the cache period.
/// </summary>
public sealed class TenantKeyCache(TenantStore tenants, IOptions<IngestOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Key, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKeyIdentity?> FindAsync(string apiKey, CancellationToken ct)
    {
        var period = TimeSpan.FromSeconds(options.Value.ApiKeyCacheSeconds);
        if (period <= TimeSpan.Zero) return await tenants.FindKeyAsync(apiKey, ct);

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(id, out var entry) && entry.Expires > now) return entry.Key;

        var key = await tenants.FindKeyAsync(apiKey, ct);
        if (key is null)
        {
            _entries.TryRemove(id, out _);
            return null;
        }
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[id] = (key, now + period);
        return key;
    }

    /// <summary>Forgets every cached key (after a revocation or a settings change through this process).</summary>
    public void Clear() => _entries.Clear();
}
