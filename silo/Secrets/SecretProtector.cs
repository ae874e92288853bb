using Microsoft.AspNetCore.DataProtection;

namespace IceWatch.Silo;

/// <summary>Protects notification target secrets (webhook HMAC keys, PagerDuty routing keys) with the shared key ring.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("IceWatch.NotificationTargetSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>The secret of a stored target: protected, or still in plain text until <see cref="SecretsUpgrade"/> runs.</summary>
    public string? Read(string? protectedSecret, string? plainSecret) => protectedSecret is { } p ? Unprotect(p) : plainSecret;
}
