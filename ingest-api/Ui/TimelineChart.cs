using System.Globalization;
using System.Text;
using IceWatch.Grains.Verdicts;

namespace IceWatch.IngestApi.Ui;

/// <summary>
/// A peer connection's gathering, ICE and connection states as coloured lanes over time. Every lane
/// starts in <c>new</c>, so a call that never left it (Chrome's TURN failures) shows as a long grey
/// bar over the time it was watched, not as an empty row.
/// </summary>
public static class TimelineChart
{
    private const int Lane = 26, Right = 16, Top = 8;
    private static readonly string[] Kinds = ["gathering", "ice", "connection"];
    private static readonly long[] Steps = [50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];

    /// <param name="watchedMs">How long the peer connection was watched (its recording's span); the axis reaches it when ICE never connected.</param>
    public static string Svg(IReadOnlyList<IceStateStep> steps, long? watchedMs = null, bool connected = true) =>
        Draw(720, 90, "chart-wide", steps, watchedMs, connected) + Draw(360, 76, "chart-narrow", steps, watchedMs, connected);

    /// <summary>One drawing for a laptop's width or a phone's, so the text stays legible; CSS shows one.</summary>
    private static string Draw(int width, int left, string variant, IReadOnlyList<IceStateStep> steps, long? watchedMs, bool connected)
    {
        var last = steps.Select(s => s.AtMs).DefaultIfEmpty(0).Max();
        var span = Math.Max(connected ? last * 1.1 : Math.Max(last, watchedMs ?? 0), 1000);
        var step = Steps.FirstOrDefault(s => span / s <= (width < 500 ? 4 : 5), Steps[^1]);
        var end = Math.Ceiling(span / step) * step;
        double X(double ms) => left + Math.Min(ms, end) / end * (width - left - Right);
        var height = Top + Kinds.Length * Lane + 24;
        var svg = new StringBuilder();
        svg.Append(F($"<svg class=\"timeline {variant}\" role=\"img\" aria-label=\"{HtmlPage.E(Describe(steps, watchedMs))}\" viewBox=\"0 0 {width} {height}\">"));
        for (var lane = 0; lane < Kinds.Length; lane++)
        {
            var y = Top + lane * Lane;
            svg.Append(F($"<text x=\"{left - 6}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1d2430\">{Kinds[lane]}</text>"));
            var own = steps.Where(s => s.Kind == Kinds[lane]).OrderBy(s => s.AtMs).ToList();
            if (own.Count == 0 || own[0].AtMs > 0) own.Insert(0, new IceStateStep(Kinds[lane], "new", 0));
            for (var i = 0; i < own.Count; i++)
            {
                var from = X(own[i].AtMs);
                var until = i + 1 < own.Count ? own[i + 1].AtMs : (double?)null;
                var w = Math.Max(2, (until is { } u ? X(u) : X(end)) - from);
                var state = HtmlPage.E(own[i].State);
                svg.Append(F($"<rect class=\"state\" data-kind=\"{Kinds[lane]}\" data-state=\"{state}\" x=\"{from:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{Lane - 6}\" fill=\"{Color(own[i].State)}\">"))
                   .Append(F($"<title>{Kinds[lane]}: {state} from {Label(own[i].AtMs)}{(until is { } t ? $" to {Label(t)}" : "")}</title></rect>"));
                if (w > 7 * own[i].State.Length + 8)
                    svg.Append(F($"<text x=\"{from + 4:0.#}\" y=\"{y + 17}\" font-size=\"11\" fill=\"{TextColor(own[i].State)}\">{state}</text>"));
            }
        }
        var axisY = Top + Kinds.Length * Lane + 14;
        for (var ms = 0L; ms <= end; ms += step)
            svg.Append(F($"<text class=\"tick\" x=\"{X(ms):0.#}\" y=\"{axisY}\" text-anchor=\"{(ms == 0 ? "start" : ms + step > end ? "end" : "middle")}\" font-size=\"10\" fill=\"#5f6670\">{Tick(ms, step, end)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A tick in one unit for the whole axis: ms up to 2 s, else seconds with the decimals the step needs.</summary>
    public static string Tick(long ms, long step, double end) =>
        end <= 2000 ? F($"{ms} ms") : F($"{(ms / 1000.0).ToString(step % 1000 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture)} s");

    private static string Label(double ms) => ms < 1000 ? F($"{ms:0} ms") : F($"{ms / 1000:0.0} s");

    private static string Describe(IReadOnlyList<IceStateStep> steps, long? watchedMs)
    {
        var changes = steps.Where(s => s.Kind != "gathering").OrderBy(s => s.AtMs).Select(s => $"{s.Kind} {s.State} at {Label(s.AtMs)}").ToList();
        return changes.Count > 0
            ? "ICE state timeline: " + string.Join(", ", changes)
            : $"ICE state timeline: ICE and connection states stayed new{(watchedMs is { } w ? $" for {Label(w)}" : "")}";
    }

    private static string Color(string state) => state switch
    {
        "connected" or "completed" or "complete" => "#2e7d32",
        "checking" or "gathering" or "connecting" => "#f9a825",
        "failed" => "#c62828",
        "disconnected" => "#ef6c00",
        "closed" => "#455a64",
        _ => "#cfd8dc",
    };

    private static string TextColor(string state) => state is "checking" or "gathering" or "connecting" or "new" ? "#1d2430" : "#fff";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
