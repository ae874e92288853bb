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
            if (v.Outcome == Outcomes.Connected || v.BytesRelayed + v.BytesDirect > 0) output.WriteLine($"    {Numbers(v)}");
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

    private static string Numbers(Verdict v) => string.Create(CultureInfo.InvariantCulture,
        $"connected in {(v.TimeToConnectedMs is { } t ? $"{t} ms" : "-")} · relayed {Bytes(v.BytesRelayed)} · direct {Bytes(v.BytesDirect)}" +
        $" · relay ratio {(v.RelayRatio is { } r ? $"{r * 100:0}%" : "-")} · ICE restarts {v.IceRestarts} · pair switches {v.PairSwitches}");

    private static string Step(IceStateStep s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Kind} {s.State} +{s.AtMs} ms");

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB"),
    };
}
