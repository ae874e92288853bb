using IceWatch.Grains.Events;

namespace IceWatch.Grains.Timeline;

public sealed record StateChange(DateTimeOffset Time, StateKind Kind, string State);
