using System.Globalization;
using System.Text;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Ui;

/// <summary>A region's ICE failure rate per bucket as bars, with the alert threshold drawn across.</summary>
public static class FailureRateChart
{
    private const int Width = 720, Height = 180, Left = 48, Right = 12, Top = 12, Bottom = 28;

    public static string Svg(IReadOnlyList<RegionBucket> buckets, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, double threshold)
    {
        var maxRate = Math.Max(threshold * 2, buckets.Select(Rate).DefaultIfEmpty(0).Max()) * 1.1;
        double X(DateTimeOffset t) => Left + (t - from).TotalSeconds / (to - from).TotalSeconds * (Width - Left - Right);
        double Y(double rate) => Top + (1 - rate / maxRate) * (Height - Top - Bottom);
        var svg = new StringBuilder();
        svg.Append(F($"<svg class=\"failure-rate\" role=\"img\" aria-label=\"ICE failure rate over time\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">"));
        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fafbfc\" stroke=\"#d8dee6\"/>"));
        foreach (var tick in new[] { 0, maxRate / 2, maxRate })
            svg.Append(F($"<text x=\"{Left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#69707a\">{HtmlPage.Percent(tick)}</text>"));
        var barWidth = Math.Max(3, bucket.TotalSeconds / (to - from).TotalSeconds * (Width - Left - Right) - 1);
        foreach (var b in buckets.Where(b => b.PeerConnections > 0))
        {
            var rate = Rate(b);
            var x = Math.Min(X(b.Start), Width - Right - barWidth);
            var color = rate > threshold ? "#c62828" : "#2e7d32";
            var height = Math.Max(2, Height - Bottom - Y(rate));
            svg.Append(F($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{Height - Bottom - height:0.#}\" width=\"{barWidth:0.#}\" height=\"{height:0.#}\" fill=\"{color}\">"))
               .Append(F($"<title>{HtmlPage.Time(b.Start)}: {HtmlPage.Percent(rate)} of {b.PeerConnections} failed</title></rect>"));
        }
        svg.Append(F($"<line class=\"threshold\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(threshold):0.#}\" y2=\"{Y(threshold):0.#}\" stroke=\"#e65100\" stroke-dasharray=\"6 4\"/>"));
        svg.Append(F($"<text x=\"{Width - Right - 4}\" y=\"{Y(threshold) - 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#e65100\">{HtmlPage.Percent(threshold)} threshold</text>"));
        svg.Append(F($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"10\" fill=\"#69707a\">{HtmlPage.Time(from)}</text>"));
        svg.Append(F($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"10\" fill=\"#69707a\">{HtmlPage.Time(to)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static double Rate(RegionBucket b) => b.PeerConnections == 0 ? 0 : (double)b.Failed / b.PeerConnections;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
