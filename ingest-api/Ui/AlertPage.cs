using System.Text;
using IceWatch.Grains.Alerting;
using IceWatch.Silo;
using static IceWatch.IngestApi.Ui.HtmlPage;

namespace IceWatch.IngestApi.Ui;

/// <summary>One incident as on-call reads it after a page: what crossed, the top root causes with their fix, and the worst sessions.</summary>
public static class AlertPage
{
    public static string Link(Guid id) => $"/ui/alerts/{id}";

    public static string Body(AlertIncident a)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{E(a.Title)}</h1><p><span class=\"badge {E(a.Status)}\">{E(a.Status)}</span> {E(a.ScopeKind)} <b>{E(a.ScopeValue)}</b>")
            .Append($" · rule {E(a.Rule)} · started {Time(a.StartedAt)}{(a.EndedAt is { } ended ? $" · ended {Time(ended)}" : "")}</p>")
            .Append("<section class=\"card\"><div class=\"kpis\">")
            .Append($"<div class=\"kpi\">peak failure rate<b class=\"bad\">{Percent(a.PeakRate)}</b></div>")
            .Append($"<div class=\"kpi\">now<b>{Percent(a.CurrentRate)}</b></div>")
            .Append($"<div class=\"kpi\">threshold<b>{Percent(a.Threshold)}</b></div>")
            .Append($"<div class=\"kpi\">failed at the peak<b>{Number(a.Failed)} of {Number(a.PeerConnections)}</b></div></div>")
            .Append("<h2>Top root causes</h2>").Append(Causes(a.Causes))
            .Append("<h2>Worst sessions</h2>")
            .Append(Table("worst-sessions", ["session", "#failed peer connections"], a.WorstSessions.Select(s => (IReadOnlyList<string>)
                [$"<a href=\"{SessionPage.Link(s.SessionId)}\">{E(s.SessionId)}</a>", Number(s.Failed)]), "No session was named for this incident.", stack: true))
            .Append("<h2>Failures by category at the peak</h2>")
            .Append(Table("categories", ["category", "#failed"], a.Categories.OrderByDescending(c => c.Value).Select(c => (IReadOnlyList<string>)
                [E(c.Key), Number(c.Value)]), "No failure was counted.", stack: true))
            .Append("</section>");
        return html.ToString();
    }

    /// <summary>Each cause with its share, the TURN URL it happened on, and what to do about it.</summary>
    public static string Causes(IReadOnlyList<CauseShare> causes)
    {
        if (causes.Count == 0) return "<span class=\"muted\">no cause recorded</span>";
        var html = new StringBuilder("<ul class=\"causes\">");
        foreach (var c in causes)
            html.Append($"<li><b>{Percent(c.Share)}</b> <span class=\"category\">{E(c.Category)}</span>")
                .Append(c.TurnUrl is null ? "" : $" on <code>{E(c.TurnUrl)}</code>")
                .Append(c.Fix is null ? "" : $"<div class=\"fix\"><b>Fix:</b> {E(c.Fix)}</div>").Append("</li>");
        return html.Append("</ul>").ToString();
    }
}
