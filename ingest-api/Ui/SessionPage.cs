using IceWatch.Grains.Classification;
using System.Globalization;
using System.Text;
using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;
using IceWatch.Silo;
using static IceWatch.IngestApi.Ui.HtmlPage;

namespace IceWatch.IngestApi.Ui;

/// <summary>A session: per peer connection its verdict, state timeline, candidates, pairs, evidence and fix.</summary>
public static class SessionPage
{
    public static string Body(SessionView session, IReadOnlyDictionary<string, PeerConnectionFacts> facts)
    {
        var html = new StringBuilder();
        html.Append($"<h1>Session {E(session.SessionId)}</h1><p class=\"muted\">region <b>{E(session.Region)}</b> · {session.Uploads} uploads")
            .Append($" ({session.PendingUploads} waiting) · first seen {Time(session.CreatedAt)} · updated {Time(session.UpdatedAt)}</p>");
        if (session.Truncation is { } truncated) html.Append($"<section class=\"card truncated\"><p class=\"bad\" role=\"note\">{E(truncated.Note)}</p></section>");
        if (session.PeerConnections.Count == 0) html.Append("<section class=\"card\"><p>No verdict yet: the uploads are still being processed.</p></section>");
        foreach (var v in session.PeerConnections) AppendPeerConnection(html, v, facts.GetValueOrDefault(v.PeerConnectionId));
        return html.ToString();
    }

    private static void AppendPeerConnection(StringBuilder html, Verdict v, PeerConnectionFacts? facts)
    {
        var pair = v.SelectedPair;
        html.Append($"<section class=\"card peer-connection\" data-peer-connection=\"{E(v.PeerConnectionId)}\">")
            .Append($"<h2>Peer connection {E(v.PeerConnectionId)} <span class=\"badge verdict {E(v.Outcome)}\">{E(v.Outcome)}</span>");
        if (v.Category is not null) html.Append($" <span class=\"category\">{E(v.Category)}</span>");
        html.Append("</h2><div class=\"kpis\">")
            .Append($"<div class=\"kpi\">selected pair<b class=\"selected-pair\">{(pair is null ? "none" : E($"{pair.LocalType} → {pair.RemoteType}"))}</b></div>")
            .Append($"<div class=\"kpi\">transport<b>{E(pair is null ? "–" : pair.RelayProtocol is { } rp ? $"relay over {rp}" : pair.Protocol)}</b></div>")
            .Append($"<div class=\"kpi\">time to connected<b>{(v.TimeToConnectedMs is { } ms ? Number(ms) + " ms" : "–")}</b></div>")
            .Append($"<div class=\"kpi\">bytes relayed / direct<b>{Bytes(v.BytesRelayed)} / {Bytes(v.BytesDirect)}</b></div>")
            .Append($"<div class=\"kpi\">ICE restarts<b>{v.IceRestarts}</b></div></div>");
        if (pair?.TurnUrl is { } turn) html.Append($"<p>Relayed through <code>{E(turn)}</code></p>");
        if (v.Evidence.Count > 0)
        {
            html.Append("<h3>Evidence</h3><ul class=\"evidence\">");
            foreach (var e in v.Evidence) html.Append($"<li>{E(e)}</li>");
            html.Append("</ul>");
        }
        if (v.Fix is not null) html.Append($"<p class=\"fix\"><b>Fix:</b> {E(v.Fix)}</p>");
        html.Append("<h3>ICE state timeline</h3>").Append(TimelineChart.Svg(v.Timeline));
        if (facts is not null)
        {
            AppendCandidates(html, facts);
            AppendPairs(html, facts);
        }
        html.Append("</section>");
    }

    private static void AppendCandidates(StringBuilder html, PeerConnectionFacts facts)
    {
        html.Append("<h3>Candidates</h3><table class=\"candidates\"><tr><th>side</th><th>type</th><th>protocol</th><th>relay protocol</th>")
            .Append("<th>address</th><th class=\"num\">port</th><th class=\"num\">priority</th><th>URL</th></tr>");
        foreach (var (side, candidates) in new[] { ("local", facts.LocalCandidates), ("remote", facts.RemoteCandidates) })
            // A candidate is often known twice: from onicecandidate and from the stats, under different keys.
            foreach (var c in candidates.Values.DistinctBy(c => (c.Type, c.Protocol, c.Address, c.Port)))
                html.Append($"<tr><td>{side}</td><td>{E(c.Type)}</td><td>{E(c.Protocol)}</td><td>{E(c.RelayProtocol)}</td><td>{E(c.Address)}</td>")
                    .Append($"<td class=\"num\">{c.Port}</td><td class=\"num\">{c.Priority}</td><td>{E(c.Url)}</td></tr>");
        if (facts.LocalCandidates.Count + facts.RemoteCandidates.Count == 0)
            html.Append("<tr><td colspan=\"8\" class=\"muted\">No candidate was gathered or received.</td></tr>");
        html.Append("</table>");
    }

    private static void AppendPairs(StringBuilder html, PeerConnectionFacts facts)
    {
        html.Append("<h3>Candidate pairs</h3><table class=\"pairs\"><tr><th>pair</th><th>local → remote</th><th>state</th><th>nominated</th>")
            .Append("<th>selected</th><th class=\"num\">sent</th><th class=\"num\">received</th><th class=\"num\">RTT</th></tr>");
        var selectedId = PairSelection.Of(facts).Pair?.Id;
        foreach (var p in facts.Pairs.Values.OrderByDescending(p => p.Id == selectedId).ThenByDescending(p => p.BytesSent + p.BytesReceived))
        {
            var selected = p.Id == selectedId;
            var local = Type(facts.LocalCandidates, p.LocalCandidateId);
            var remote = Type(facts.RemoteCandidates, p.RemoteCandidateId);
            var rtt = p.CurrentRoundTripTime is { } r ? (r * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "–";
            html.Append($"<tr{(selected ? " class=\"selected\"" : "")}><td>{E(p.Id)}</td><td>{E(local)} → {E(remote)}</td><td>{E(p.State)}</td>")
                .Append($"<td>{(p.Nominated ? "yes" : "")}</td><td>{(selected ? "yes" : "")}</td><td class=\"num\">{Bytes(p.BytesSent)}</td>")
                .Append($"<td class=\"num\">{Bytes(p.BytesReceived)}</td><td class=\"num\">{rtt}</td></tr>");
        }
        html.Append("</table>");
    }

    private static string Type(Dictionary<string, CandidateInfo> candidates, string? id) =>
        id is not null && candidates.TryGetValue(id, out var c) ? c.Type ?? "?" : "?";
}
