using System.Text;
using IceWatch.Silo;
using static IceWatch.IngestApi.Ui.HtmlPage;

namespace IceWatch.IngestApi.Ui;

/// <summary>Per region: the failure rate chart, relay share and bytes; then the alerts and the worst sessions.</summary>
public static class OverviewPage
{
    public const double Threshold = 0.01;

    public static string Body(string tenant, string window, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket,
        IReadOnlyList<RegionBucket> buckets, IReadOnlyList<AlertSummary> alerts, IReadOnlyList<SessionSummary> sessions)
    {
        var html = new StringBuilder();
        html.Append("<h1>Overview <span class=\"muted\">").Append(E(tenant)).Append(" · last ").Append(E(window)).Append("</span></h1>");
        html.Append("<p>Window: ");
        foreach (var w in UiWindows.Names)
            html.Append(w == window ? $"<b>{E(w)}</b> " : $"<a href=\"/ui?window={E(w)}\">{E(w)}</a> ");
        html.Append("</p>");
        html.Append("<h2>Alerts</h2><section class=\"card alerts\">");
        if (alerts.Count == 0) html.Append("<p class=\"muted\">No active or recent alerts.</p>");
        else
        {
            html.Append("<table><tr><th>status</th><th>scope</th><th>title</th><th>started</th><th>ended</th><th class=\"num\">peak</th><th class=\"num\">threshold</th></tr>");
            foreach (var a in alerts)
                html.Append($"<tr class=\"alert\"><td><span class=\"badge {E(a.Status)}\">{E(a.Status)}</span></td><td>{E(a.ScopeKind)} {E(a.ScopeValue)}</td>")
                    .Append($"<td>{E(a.Title)}</td><td>{Time(a.StartedAt)}</td><td>{Time(a.EndedAt)}</td>")
                    .Append($"<td class=\"num\">{Percent(a.PeakRate)}</td><td class=\"num\">{Percent(a.Threshold)}</td></tr>");
            html.Append("</table>");
        }
        html.Append("</section><h2>Regions</h2>");
        var regions = buckets.GroupBy(b => b.Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (regions.Count == 0) html.Append("<section class=\"card\"><p class=\"muted\">No peer connections in this window.</p></section>");
        foreach (var region in regions) AppendRegion(html, region.Key, region.ToList(), from, to, bucket);
        html.Append("<h2>Sessions with the most failures</h2><section class=\"card\"><table class=\"sessions\"><tr><th>session</th><th>region</th>")
            .Append("<th class=\"num\">peer connections</th><th class=\"num\">failed</th><th>main cause</th><th>updated</th></tr>");
        foreach (var s in sessions)
            html.Append($"<tr><td><a href=\"/ui/sessions/{Uri.EscapeDataString(s.SessionId)}\">{E(s.SessionId)}</a></td><td>{E(s.Region)}</td>")
                .Append($"<td class=\"num\">{s.PeerConnections}</td><td class=\"num\">{s.Failed}</td><td>{E(s.TopCategory ?? "–")}</td><td>{Time(s.UpdatedAt)}</td></tr>");
        return html.Append("</table></section>").ToString();
    }

    private static void AppendRegion(StringBuilder html, string region, IReadOnlyList<RegionBucket> buckets, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket)
    {
        long total = buckets.Sum(b => b.PeerConnections), failed = buckets.Sum(b => b.Failed), connected = buckets.Sum(b => b.Connected);
        long relayed = buckets.Sum(b => b.RelayedConnected), bytesRelayed = buckets.Sum(b => b.BytesRelayed), bytesDirect = buckets.Sum(b => b.BytesDirect);
        double? rate = total == 0 ? null : (double)failed / total;
        html.Append($"<section class=\"card region\" data-region=\"{E(region)}\"><h2>{E(region)}</h2><div class=\"kpis\">")
            .Append($"<div class=\"kpi\">failure rate<b class=\"failure-rate{(rate > Threshold ? " bad" : "")}\">{Percent(rate)}</b></div>")
            .Append($"<div class=\"kpi\">peer connections<b class=\"peer-connections\">{Number(total)}</b></div>")
            .Append($"<div class=\"kpi\">failed<b>{Number(failed)}</b></div>")
            .Append($"<div class=\"kpi\">relayed connections<b class=\"relay-share\">{Percent(connected == 0 ? null : (double)relayed / connected)}</b></div>")
            .Append($"<div class=\"kpi\">relayed bytes<b class=\"relay-bytes\">{Percent(bytesRelayed + bytesDirect == 0 ? null : (double)bytesRelayed / (bytesRelayed + bytesDirect))}</b></div>")
            .Append($"<div class=\"kpi\">bytes relayed / direct<b>{Bytes(bytesRelayed)} / {Bytes(bytesDirect)}</b></div></div>")
            .Append(FailureRateChart.Svg(buckets, from, to, bucket, Threshold)).Append("</section>");
    }
}
