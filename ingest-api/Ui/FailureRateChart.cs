using System.Globalization;
using System.Text;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Ui;

/// <summary>
/// A region's ICE failure rate per bucket as bars on a round-numbered axis (never above 100%),
/// with the alert threshold drawn across and named in a legend above the plot, clear of the bars.
/// </summary>
public static class FailureRateChart
{
    private const int Height = 196, Left = 48, Right = 12, Top = 28, Bottom = 28;
    private static readonly double[] AxisMaxima = [0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0];

    /// <summary>Drawn twice, for a laptop's width and a phone's, so the text stays legible; CSS shows one.</summary>
    public static string Svg(string region, IReadOnlyList<RegionBucket> buckets, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, double threshold) =>
        Draw(720, "chart-wide", region, buckets, from, to, bucket, threshold) + Draw(360, "chart-narrow", region, buckets, from, to, bucket, threshold);

    private static string Draw(int width, string variant, string region, IReadOnlyList<RegionBucket> buckets, DateTimeOffset from, DateTimeOffset to,
        TimeSpan bucket, double threshold)
    {
        var peak = buckets.Select(Rate).DefaultIfEmpty(0).Max();
        var axisMax = AxisMax(Math.Max(peak, threshold * 2));
        double X(DateTimeOffset t) => Left + (t - from).TotalSeconds / (to - from).TotalSeconds * (width - Left - Right);
        double Y(double rate) => Top + (1 - rate / axisMax) * (Height - Top - Bottom);
        var label = $"ICE failure rate in {region}: peak {HtmlPage.Percent(peak)} per {Duration(bucket)}, alert threshold {HtmlPage.Percent(threshold)}";
        var svg = new StringBuilder();
        svg.Append(F($"<svg class=\"failure-rate {variant}\" role=\"img\" aria-label=\"{HtmlPage.E(label)}\" viewBox=\"0 0 {width} {Height}\">"));
        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fafbfc\" stroke=\"#d8dee6\"/>"));
        foreach (var tick in new[] { 0, axisMax / 2, axisMax })
            svg.Append(F($"<text class=\"y-tick\" x=\"{Left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#5f6670\">{HtmlPage.Percent(tick)}</text>"));
        var barWidth = Math.Max(3, bucket.TotalSeconds / (to - from).TotalSeconds * (width - Left - Right) - 1);
        foreach (var b in buckets.Where(b => b.PeerConnections > 0))
        {
            var rate = Rate(b);
            var x = Math.Min(X(b.Start), width - Right - barWidth);
            var color = rate > threshold ? "#c62828" : "#2e7d32";
            var height = Math.Max(2, Height - Bottom - Y(rate));
            svg.Append(F($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{Height - Bottom - height:0.#}\" width=\"{barWidth:0.#}\" height=\"{height:0.#}\" fill=\"{color}\">"))
               .Append(F($"<title>{HtmlPage.Time(b.Start)}: {HtmlPage.Percent(rate)} of {b.PeerConnections} failed</title></rect>"));
        }
        svg.Append(F($"<line class=\"threshold\" x1=\"{Left}\" x2=\"{width - Right}\" y1=\"{Y(threshold):0.#}\" y2=\"{Y(threshold):0.#}\" stroke=\"#b23c00\" stroke-dasharray=\"6 4\"/>"));
        svg.Append(F($"<line x1=\"{Left}\" x2=\"{Left + 24}\" y1=\"{Top - 12}\" y2=\"{Top - 12}\" stroke=\"#b23c00\" stroke-dasharray=\"6 4\"/>"));
        svg.Append(F($"<text class=\"threshold-label\" x=\"{Left + 30}\" y=\"{Top - 8}\" font-size=\"11\" fill=\"#b23c00\">{HtmlPage.Percent(threshold)} alert threshold</text>"));
        svg.Append(F($"<text class=\"bucket-label\" x=\"{width - Right}\" y=\"{Top - 8}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5f6670\">failure rate per {Duration(bucket)}</text>"));
        svg.Append(F($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"10\" fill=\"#5f6670\">{HtmlPage.Time(from)}</text>"));
        svg.Append(F($"<text x=\"{width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"10\" fill=\"#5f6670\">{HtmlPage.Time(to)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The smallest round axis top at or above the rate; ticks at half of it stay round too.</summary>
    public static double AxisMax(double rate) => AxisMaxima.FirstOrDefault(m => m >= rate - 1e-12, 1.0);

    private static string Duration(TimeSpan bucket) =>
        bucket.TotalHours >= 1 ? F($"{bucket.TotalHours:0.#} h") : F($"{bucket.TotalMinutes:0} min");

    private static double Rate(RegionBucket b) => b.PeerConnections == 0 ? 0 : (double)b.Failed / b.PeerConnections;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
