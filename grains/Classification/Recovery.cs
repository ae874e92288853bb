namespace IceWatch.Grains.Classification;

/// <summary>A connection that had connected went failed at FailedAt and was connected again at ConnectedAgainAt.</summary>
public sealed record Recovery(DateTimeOffset FailedAt, DateTimeOffset ConnectedAgainAt);
