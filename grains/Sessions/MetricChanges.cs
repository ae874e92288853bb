using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Sessions;

/// <summary>What one session step adds to the exported counters, recorded only after the step commits.</summary>
public sealed record MetricChanges(IReadOnlyList<FinalVerdict> NewlyFinal, long BytesRelayedGrowth, long BytesDirectGrowth)
{
    public static MetricChanges From(IEnumerable<(Verdict? Before, Verdict After)> changes)
    {
        var final = new List<FinalVerdict>();
        long relayed = 0, direct = 0;
        foreach (var (before, after) in changes)
        {
            if (IsFinal(after) && (before is null || !IsFinal(before)))
                final.Add(new FinalVerdict(after.Outcome, after.Category, after.SelectedPair?.LocalType,
                    after.SelectedPair?.RemoteType, after.SelectedPair?.RelayProtocol));
            // Counters only grow: a verdict whose bytes shrink (a shorter re-upload) adds nothing.
            relayed += Math.Max(0, after.BytesRelayed - (before?.BytesRelayed ?? 0));
            direct += Math.Max(0, after.BytesDirect - (before?.BytesDirect ?? 0));
        }
        return new MetricChanges(final, relayed, direct);
    }

    private static bool IsFinal(Verdict verdict) => verdict.Outcome is Outcomes.Connected or Outcomes.Failed;
}
