namespace IceWatch.Silo;

/// <summary>
/// A claimed notification. Superseded: a resend or reminder whose incident has moved on, dropped unsent.
/// The target's secret is as stored (protected, or plain text from before protection) until the sender reads it.
/// </summary>
internal sealed record OutboxItem(long Id, Guid IncidentId, string Event, string Body, int Attempts, string Kind, string Url, string? ProtectedSecret, bool Superseded)
{
    public string? PlainSecret { get; init; }
}
