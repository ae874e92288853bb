namespace IceWatch.Silo;

/// <summary>An API key as the admin API shows it: never the key itself, which only its creation returns.</summary>
public sealed record ApiKeyInfo(Guid KeyId, string Tenant, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public string Kind { get; init; } = KeyKinds.Admin;

    public IReadOnlyList<string>? Origins { get; init; }
}
