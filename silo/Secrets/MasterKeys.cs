using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>The configured master key and the ones it replaced, each named by the start of its SHA-256.</summary>
public sealed class MasterKeys
{
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public MasterKeys(IOptions<SecretsOptions> options)
    {
        var o = options.Value;
        var current = o.Key is { Length: > 0 } key ? key : o.KeyFile is { Length: > 0 } file ? File.ReadAllText(file) : null;
        if (current is not null) (Current, CurrentId) = Add(current, "ICEWATCH_SECRETS_KEY");
        foreach (var previous in (o.PreviousKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Add(previous, "ICEWATCH_SECRETS_PREVIOUS_KEYS");
    }

    public byte[]? Current { get; }

    public string? CurrentId { get; }

    public byte[]? Find(string id) => _byId.GetValueOrDefault(id);

    public static string? Describe(string value) =>
        TryParse(value, out _) ? null : "must be 32 random bytes in base64 (e.g. the output of 'openssl rand -base64 32').";

    private (byte[] Key, string Id) Add(string text, string setting)
    {
        if (!TryParse(text, out var key)) throw new InvalidOperationException($"{setting} {Describe(text)}");
        var id = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
        _byId[id] = key;
        return (key, id);
    }

    private static bool TryParse(string text, out byte[] key)
    {
        key = [];
        try
        {
            key = Convert.FromBase64String(text.Trim());
            return key.Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
