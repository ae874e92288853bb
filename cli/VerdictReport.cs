using System.Globalization;
using IceWatch.Grains.Verdicts;

namespace IceWatch.Cli;

/// <summary>The human-readable report: one block per peer connection.</summary>
public static class VerdictReport
{
    public static void Write(TextWriter output, string file, IReadOnlyList<Verdict> verdicts)
    {
        output.WriteLine(file);
        if (verdicts.Count == 0) output.WriteLine("  no peer connection found");
        foreach (var v in verdicts)
        {
            output.WriteLine($"  peer connection {v.PeerConnectionId}: {Headline(v)}");
            if (v.TimeFromCreationToConnectedMs is not null || v.TimeToConnectedMs is not null) output.WriteLine($"    {Times(v)}");
            if (v.Outcome == Outcomes.Connected || v.BytesRelayed + v.BytesDirect > 0) output.WriteLine($"    {Traffic(v)}");
            var steps = v.Timeline.Where(s => s.Kind != "gathering").Select(Step).ToList();
            output.WriteLine($"    timeline: {(steps.Count == 0 ? "no ICE or connection state change (stayed new)" : string.Join(" → ", steps))}");
            foreach (var line in v.Evidence) output.WriteLine($"    - {line}");
            if (v.Fix is not null) output.WriteLine($"    fix: {v.Fix}");
        }
        output.WriteLine();
    }

    private static string Headline(Verdict v)
    {
        var parts = new List<string> { v.Outcome.ToUpperInvariant() };
        if (v.Category is not null) parts.Add(v.Category);
        if (v.SelectedPair is { } p)
        {
            parts.Add($"{p.LocalType ?? "?"}/{p.RemoteType ?? "?"} over {p.Protocol ?? "?"}" + (p.RelayProtocol is null ? "" : $", relay {p.RelayProtocol}"));
            if (p.TurnUrl is not null) parts.Add(p.TurnUrl);
        }
        return string.Join("  ", parts);
    }

    // Each time to connected is labelled with where it starts (verdict.md): from checking alone a call that waited 80 ms reads "1 ms".
    private static string Times(Verdict v) =>
        $"creation → connected {Ms(v.TimeFromCreationToConnectedMs)} · checking → connected {Ms(v.TimeToConnectedMs)}";

    private static string Traffic(Verdict v) => string.Create(CultureInfo.InvariantCulture,
        $"relayed {ByteSize.Text(v.BytesRelayed)} · direct {ByteSize.Text(v.BytesDirect)}" +
        $" · relay ratio {(v.RelayRatio is { } r ? $"{r * 100:0}%" : "-")} · ICE restarts {v.IceRestarts} · pair switches {v.PairSwitches}");

    private static string Ms(long? ms) => ms is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t} ms") : "-";

    private static string Step(IceStateStep s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Kind} {s.State} +{s.AtMs} ms");
}
