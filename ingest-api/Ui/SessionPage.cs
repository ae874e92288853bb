using System.Text;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;
using IceWatch.Silo;
using static IceWatch.IngestApi.Ui.HtmlPage;

namespace IceWatch.IngestApi.Ui;

/// <summary>
/// A session: its peer connections grouped by verdict, then either every one in full (small
/// sessions) or a page of them with a link each to its details, so a session of thousands of
/// peer connections stays a page of kilobytes.
/// </summary>
public static class SessionPage
{
    public const int InlineLimit = 10;

    public static string Link(string sessionId, string? query = null) => $"/ui/sessions/{Uri.EscapeDataString(sessionId)}{query}";

    public static string Link(string sessionId, Verdict v) => Link(sessionId, $"?pc={Uri.EscapeDataString(v.PeerConnectionId)}");

    /// <summary>A small session: the groups, then every peer connection in full.</summary>
    public static string Inline(SessionHeader session, IReadOnlyList<VerdictGroup> groups, IReadOnlyList<Verdict> verdicts,
        IReadOnlyDictionary<string, PeerConnectionFacts> facts)
    {
        var html = Header(session, groups);
        if (verdicts.Count == 0) html.Append("<section class=\"card\"><p>No verdict yet: the uploads are still being processed.</p></section>");
        foreach (var v in verdicts) PeerConnectionCard.Append(html, v, facts.GetValueOrDefault(v.PeerConnectionId));
        return html.ToString();
    }

    /// <summary>A large session, or one group of it: the groups, then one page of peer connections, each linked to its details.</summary>
    public static string Listed(SessionHeader session, IReadOnlyList<VerdictGroup> groups, SessionListing listing)
    {
        var html = Header(session, groups);
        var first = (listing.Page - 1L) * SessionListing.PageSize;
        var which = listing.Group is { } g ? $"{E(g.Outcome)}{(g.Category is null ? "" : $", {E(g.Category)}")}" : "all";
        html.Append($"<h2 class=\"listing\">Peer connections: {which} <span class=\"muted\">({(listing.Total == 0 ? "none" : $"{first + 1}–{first + listing.Verdicts.Count} of {Number(listing.Total)}")})</span></h2>")
            .Append("<section class=\"card\">")
            .Append(Table("peer-connections", ["peer connection", "verdict", "cause", "selected pair", "#creation → connected", "#checking → connected", "#relayed / direct"],
                listing.Verdicts.Select(v => (IReadOnlyList<string>)
                [
                    $"<a href=\"{Link(session.SessionId, v)}\">{E(v.PeerConnectionId)}</a>", $"<span class=\"badge {E(v.Outcome)}\">{E(v.Outcome)}</span>",
                    E(v.Category ?? "–"), v.SelectedPair is { } p ? E($"{p.LocalType} → {p.RemoteType}") : "none",
                    Ms(v.TimeFromCreationToConnectedMs), Ms(v.TimeToConnectedMs), $"{Bytes(v.BytesRelayed)} / {Bytes(v.BytesDirect)}",
                ]), "No peer connection in this group.", stack: true));
        AppendPager(html, session.SessionId, listing);
        return html.Append("</section>").ToString();
    }

    /// <summary>One peer connection of a session in full.</summary>
    public static string Detail(SessionHeader session, Verdict verdict, PeerConnectionFacts? facts)
    {
        var html = new StringBuilder();
        html.Append($"<h1>Session <a href=\"{Link(session.SessionId)}\">{E(session.SessionId)}</a></h1>");
        PeerConnectionCard.Append(html, verdict, facts);
        return html.ToString();
    }

    private static StringBuilder Header(SessionHeader session, IReadOnlyList<VerdictGroup> groups)
    {
        var html = new StringBuilder();
        var total = groups.Sum(g => g.PeerConnections);
        html.Append($"<h1>Session {E(session.SessionId)}</h1><p class=\"muted session-facts\">region <b>{E(session.Region)}</b> · {Count(session.Uploads, "upload")}")
            .Append($" ({session.PendingUploads} waiting) · first seen {Time(session.CreatedAt)} · updated {Time(session.UpdatedAt)}</p>");
        if (session.Truncation is { } truncated) html.Append($"<section class=\"card truncated\"><p class=\"bad\" role=\"note\">{E(truncated.Note)}</p></section>");
        if (total == 0) return html;
        html.Append($"<section class=\"card verdict-groups\"><h2>{Count(total, "peer connection")}: ")
            .Append(string.Join(", ", groups.GroupBy(g => g.Outcome).Select(o => $"{Number(o.Sum(g => g.PeerConnections))} {E(o.Key)}")))
            .Append("</h2>")
            .Append(Table("groups", ["verdict", "cause", "#peer connections", "list"], groups.Select(g => (IReadOnlyList<string>)
            [
                $"<span class=\"badge {E(g.Outcome)}\">{E(g.Outcome)}</span>", E(g.Category ?? "–"), Number(g.PeerConnections),
                $"<a href=\"{Link(session.SessionId, $"?verdict={Uri.EscapeDataString(SessionListing.Key(g))}")}\">show {Count(g.PeerConnections, "peer connection")}</a>",
            ]), "No verdict yet.", stack: true))
            .Append("</section>");
        return html;
    }

    private static void AppendPager(StringBuilder html, string sessionId, SessionListing listing)
    {
        if (listing.Pages <= 1) return;
        var group = listing.Group is { } g ? $"verdict={Uri.EscapeDataString(SessionListing.Key(g))}&" : "";
        html.Append("<nav class=\"pager\" aria-label=\"pages\">");
        html.Append(listing.Page > 1 ? $"<a rel=\"prev\" href=\"{Link(sessionId, $"?{group}page={listing.Page - 1}")}\">← previous</a>" : "<span class=\"muted\">← previous</span>");
        html.Append($"<span class=\"page\">page {listing.Page} of {listing.Pages}</span>");
        html.Append(listing.Page < listing.Pages ? $"<a rel=\"next\" href=\"{Link(sessionId, $"?{group}page={listing.Page + 1}")}\">next →</a>" : "<span class=\"muted\">next →</span>");
        html.Append("</nav>");
    }
}
