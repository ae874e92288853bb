using System.Text;
using IceWatch.Silo;
using static IceWatch.IngestApi.Ui.HtmlPage;

namespace IceWatch.IngestApi.Ui;

/// <summary>Per region: the failure rate chart, relay share and bytes; then the alerts with their causes, and the worst sessions.</summary>
public static class OverviewPage
{
    public const double Threshold = 0.01;

    public static string Body(string tenant, string window, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket,
        IReadOnlyList<RegionBucket> buckets, IReadOnlyList<AlertIncident> alerts, IReadOnlyList<SessionSummary> sessions)
    {
        var html = new StringBuilder();
        html.Append("<h1>Overview <span class=\"muted\">").Append(E(tenant)).Append(" · last ").Append(E(window)).Append("</span></h1>");
        html.Append("<p>Window: ");
        foreach (var w in UiWindows.Names)
            html.Append(w == window ? $"<b>{E(w)}</b> " : $"<a href=\"/ui?window={E(w)}\">{E(w)}</a> ");
        html.Append("</p>");
        html.Append("<h2>Alerts</h2><section class=\"card alerts\">")
            .Append(Table("alerts", ["status", "incident", "started", "peak", "top causes and fix", "worst sessions"], alerts.Select(AlertRow),
                "No active or recent alerts.", stack: true, rowClass: _ => "alert"))
            .Append("</section><h2>Regions</h2>");
        var regions = buckets.GroupBy(b => b.Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (regions.Count == 0) html.Append("<section class=\"card\"><p class=\"muted\">No peer connections in this window.</p></section>");
        foreach (var region in regions) AppendRegion(html, region.Key, region.ToList(), from, to, bucket);
        html.Append("<h2>Sessions with the most failures</h2><section class=\"card\">")
            .Append(Table("sessions", ["session", "region", "#peer connections", "#failed", "main cause", "updated"], sessions.Select(s => (IReadOnlyList<string>)
                [$"<a href=\"{SessionPage.Link(s.SessionId)}\">{E(s.SessionId)}</a>", E(s.Region), Number(s.PeerConnections), Number(s.Failed),
                 E(s.TopCategory ?? "–"), Time(s.UpdatedAt)]),
                "No session was updated in this window.", stack: true));
        return html.Append("</section>").ToString();
    }

    private static IReadOnlyList<string> AlertRow(AlertIncident a) =>
    [
        $"<span class=\"badge {E(a.Status)}\">{E(a.Status)}</span>",
        $"<a href=\"{AlertPage.Link(a.Id)}\">{E(a.ScopeKind)} {E(a.ScopeValue)}</a><br><span class=\"muted\">{E(a.Title)}</span>",
        Time(a.StartedAt) + (a.EndedAt is { } ended ? $"<br><span class=\"muted\">ended {Time(ended)}</span>" : ""),
        $"{Percent(a.PeakRate)} <span class=\"muted\">of {Count(a.PeerConnections, "peer connection")}, threshold {Percent(a.Threshold)}</span>",
        AlertPage.Causes(a.Causes),
        a.WorstSessions.Count == 0 ? "–" : string.Join(", ", a.WorstSessions.Take(3).Select(s =>
            $"<a href=\"{SessionPage.Link(s.SessionId)}\">{E(s.SessionId)}</a> <span class=\"muted\">({Number(s.Failed)} failed)</span>")),
    ];

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
            .Append(FailureRateChart.Svg(region, buckets, from, to, bucket, Threshold)).Append("</section>");
    }
}
