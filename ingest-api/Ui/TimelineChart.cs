using System.Globalization;
using System.Text;
using IceWatch.Grains.Verdicts;

namespace IceWatch.IngestApi.Ui;

/// <summary>A peer connection's gathering, ICE and connection states as coloured lanes over time.</summary>
public static class TimelineChart
{
    private const int Width = 720, Lane = 26, Left = 90, Right = 12, Top = 8;
    private static readonly string[] Kinds = ["gathering", "ice", "connection"];

    public static string Svg(IReadOnlyList<IceStateStep> steps)
    {
        var end = Math.Max(1000, steps.Select(s => s.AtMs).DefaultIfEmpty(0).Max() * 1.1);
        double X(double ms) => Left + ms / end * (Width - Left - Right);
        var height = Top + Kinds.Length * Lane + 24;
        var svg = new StringBuilder();
        svg.Append(F($"<svg class=\"timeline\" role=\"img\" aria-label=\"ICE state timeline\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">"));
        for (var lane = 0; lane < Kinds.Length; lane++)
        {
            var y = Top + lane * Lane;
            svg.Append(F($"<text x=\"{Left - 6}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1d2430\">{Kinds[lane]}</text>"));
            var own = steps.Where(s => s.Kind == Kinds[lane]).OrderBy(s => s.AtMs).ToList();
            for (var i = 0; i < own.Count; i++)
            {
                var from = X(own[i].AtMs);
                var to = i + 1 < own.Count ? X(own[i + 1].AtMs) : X(end);
                var w = Math.Max(2, to - from);
                svg.Append(F($"<rect class=\"state\" data-kind=\"{Kinds[lane]}\" data-state=\"{HtmlPage.E(own[i].State)}\" x=\"{from:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{Lane - 6}\" fill=\"{Color(own[i].State)}\">"))
                   .Append(F($"<title>{Kinds[lane]}: {HtmlPage.E(own[i].State)} at {own[i].AtMs} ms</title></rect>"));
                if (w > 7 * own[i].State.Length)
                    svg.Append(F($"<text x=\"{from + 4:0.#}\" y=\"{y + 17}\" font-size=\"11\" fill=\"#fff\">{HtmlPage.E(own[i].State)}</text>"));
            }
        }
        var axisY = Top + Kinds.Length * Lane + 14;
        for (var tick = 0; tick <= 4; tick++)
        {
            var ms = end * tick / 4;
            svg.Append(F($"<text x=\"{X(ms):0.#}\" y=\"{axisY}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#69707a\">{ms / 1000:0.#} s</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Color(string state) => state switch
    {
        "connected" or "completed" or "complete" => "#2e7d32",
        "checking" or "gathering" or "connecting" => "#f9a825",
        "failed" => "#c62828",
        "disconnected" => "#ef6c00",
        "closed" => "#455a64",
        _ => "#90a4ae",
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
