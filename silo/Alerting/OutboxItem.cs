namespace IceWatch.Silo;

/// <summary>A claimed notification. Superseded: a resend or reminder whose incident has moved on, dropped unsent.</summary>
internal sealed record OutboxItem(long Id, Guid IncidentId, string Event, string Body, int Attempts, string Kind, string Url, string? Secret, bool Superseded);
