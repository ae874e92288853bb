namespace IceWatch.Silo;

/// <summary>One claimed session of a processing transaction and what it writes.</summary>
internal sealed record ClaimedChanges(ClaimedSession Session, SessionChanges Changes);
