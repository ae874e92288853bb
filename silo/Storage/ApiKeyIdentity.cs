namespace IceWatch.Silo;

/// <summary>
/// What a valid key is: its id, tenant and kind, the origins a publishable key is limited to (null: any),
/// and whether the tenant lets publishable keys post dumps.
/// </summary>
public sealed record ApiKeyIdentity(Guid KeyId, Tenant Tenant, string Kind, IReadOnlyList<string>? Origins, bool PublishableDumps);
