using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>The ICE and connection state changes as offsets from the start, for reports and charts.</summary>
public static class TimelineSteps
{
    public static IReadOnlyList<IceStateStep> Of(PeerConnectionFacts facts, DateTimeOffset? start) =>
        facts.States
            .Where(s => s.Kind is StateKind.Ice or StateKind.Connection or StateKind.Gathering)
            .Select(s => new IceStateStep(
                s.Kind switch { StateKind.Ice => "ice", StateKind.Connection => "connection", _ => "gathering" },
                s.State,
                start is null ? 0 : (long)(s.Time - start.Value).TotalMilliseconds))
            .ToList();
}
