namespace IceWatch.Silo;

public sealed record Tenant(Guid Id, string Name);
