namespace IceWatch.Grains.Regions;

/// <summary>One minute of one TURN URL's counters; Category is "" for none.</summary>
public sealed record TurnBucketKey(DateTimeOffset Minute, string TurnUrl, string Outcome, string Category);
