using System.Globalization;
using System.Text;
using IceWatch.Grains.Classification;
using IceWatch.Grains.Events;
using IceWatch.Grains.Timeline;
using IceWatch.Grains.Verdicts;
using static IceWatch.IngestApi.Ui.HtmlPage;

namespace IceWatch.IngestApi.Ui;

/// <summary>Everything about one peer connection: verdict, both times to connected, evidence, fix, state timeline, candidates and pairs.</summary>
public static class PeerConnectionCard
{
    public static void Append(StringBuilder html, Verdict v, PeerConnectionFacts? facts)
    {
        var pair = v.SelectedPair;
        html.Append($"<section class=\"card peer-connection\" data-peer-connection=\"{E(v.PeerConnectionId)}\">")
            .Append($"<h2>Peer connection {E(v.PeerConnectionId)} <span class=\"badge verdict {E(v.Outcome)}\">{E(v.Outcome)}</span>");
        if (v.Category is not null) html.Append($" <span class=\"category\">{E(v.Category)}</span>");
        html.Append("</h2><div class=\"kpis\">")
            .Append($"<div class=\"kpi\">selected pair<b class=\"selected-pair\">{(pair is null ? "none" : E($"{pair.LocalType} → {pair.RemoteType}"))}</b></div>")
            .Append($"<div class=\"kpi\">transport<b>{E(pair is null ? "–" : pair.RelayProtocol is { } rp ? $"relay over {rp}" : pair.Protocol)}</b></div>")
            .Append($"<div class=\"kpi\">creation → connected<b class=\"created-to-connected\">{Ms(v.TimeFromCreationToConnectedMs)}</b></div>")
            .Append($"<div class=\"kpi\">checking → connected<b class=\"checking-to-connected\">{Ms(v.TimeToConnectedMs)}</b></div>")
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
        var watched = facts is null ? (long?)null : (long)VerdictClassifier.ObservedSpan(facts, now: null).TotalMilliseconds;
        html.Append("<h3>ICE state timeline</h3>").Append(TimelineChart.Svg(v.Timeline, watched, connected: v.Outcome == Outcomes.Connected));
        if (facts is not null)
        {
            AppendCandidates(html, facts);
            AppendPairs(html, facts);
        }
        html.Append("</section>");
    }

    private static void AppendCandidates(StringBuilder html, PeerConnectionFacts facts)
    {
        // A candidate is often known twice: from onicecandidate and from the stats, under different keys.
        var rows = new[] { ("local", facts.LocalCandidates), ("remote", facts.RemoteCandidates) }
            .SelectMany(side => side.Item2.Values.DistinctBy(c => (c.Type, c.Protocol, c.Address, c.Port)).Select(c => (IReadOnlyList<string>)
                [side.Item1, E(c.Type), E(c.Protocol), E(c.RelayProtocol), E(c.Address), c.Port?.ToString(CultureInfo.InvariantCulture) ?? "",
                 c.Priority?.ToString(CultureInfo.InvariantCulture) ?? "", E(c.Url)]));
        html.Append("<h3>Candidates</h3>")
            .Append(Table("candidates", ["side", "type", "protocol", "relay protocol", "address", "#port", "#priority", "URL"], rows,
                "No candidate was gathered or received."));
    }

    private static void AppendPairs(StringBuilder html, PeerConnectionFacts facts)
    {
        var selectedId = PairSelection.Of(facts).Pair?.Id;
        var rows = facts.Pairs.Values.OrderByDescending(p => p.Id == selectedId).ThenByDescending(p => p.BytesSent + p.BytesReceived).Select(p =>
        {
            var rtt = p.CurrentRoundTripTime is { } r ? (r * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "–";
            var selected = p.Id == selectedId;
            return (IReadOnlyList<string>)
            [
                E(p.Id), $"{E(Type(facts.LocalCandidates, p.LocalCandidateId))} → {E(Type(facts.RemoteCandidates, p.RemoteCandidateId))}", E(p.State),
                p.Nominated ? "yes" : "", selected ? "<span class=\"selected\">yes</span>" : "", Bytes(p.BytesSent), Bytes(p.BytesReceived), rtt,
            ];
        });
        html.Append("<h3>Candidate pairs</h3>")
            .Append(Table("pairs", ["pair", "local → remote", "state", "nominated", "selected", "#sent", "#received", "#RTT"], rows,
                "No candidate pair was formed: ICE had no local and remote candidate to check against each other.",
                rowClass: row => row[4].Length > 0 ? "selected" : null));
    }

    private static string Type(Dictionary<string, CandidateInfo> candidates, string? id) =>
        id is not null && candidates.TryGetValue(id, out var c) ? c.Type ?? "?" : "?";
}
