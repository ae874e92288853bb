namespace IceWatch.Grains.Timeline;

public sealed record SelectedPairChange(DateTimeOffset Time, string PairId);
