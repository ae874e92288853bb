namespace IceWatch.Grains.Cluster;

/// <summary>The identity of a session: its tenant and its id within the tenant.</summary>
public sealed record SessionKey(Guid TenantId, string SessionId)
{
    public static SessionKey Of(IAddressable grain) => new(grain.GetPrimaryKey(out var sessionId), sessionId!);
}
