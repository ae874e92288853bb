namespace IceWatch.Silo;

/// <summary>A tenant's own settings. PublishableDumps lets its publishable keys post dumps as well as SDK reports.</summary>
public sealed record TenantSettings(bool PublishableDumps);
