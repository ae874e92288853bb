using System.Text.Json.Nodes;
using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>
/// A postable alert for Alertmanager's API v2 (<c>POST /api/v2/alerts</c>). The labels identify
/// the alert and never change while it fires; a firing alert's endsAt lies a few re-send intervals
/// ahead (so it expires if IceWatch stops sending), a resolved one's is when it resolved.
/// </summary>
public static class AlertmanagerPayload
{
    public const string AlertName = "IceWatchIceFailureRate";

    public static string Build(AlertIncident incident, IncidentLinks links, DateTimeOffset now, TimeSpan resendInterval)
    {
        var endsAt = incident.EndedAt ?? now + 4 * resendInterval;
        var top = incident.Causes.FirstOrDefault();
        var annotations = new JsonObject
        {
            ["summary"] = incident.Title,
            ["description"] = incident.Summary,
            ["rate"] = AlertEvaluator.Percent(incident.CurrentRate ?? incident.PeakRate),
            ["peak_rate"] = AlertEvaluator.Percent(incident.PeakRate),
            ["threshold"] = AlertEvaluator.Percent(incident.Threshold),
            ["peer_connections"] = incident.PeerConnections.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["failed"] = incident.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["clients"] = incident.Clients?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["failed_clients"] = incident.FailedClients?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["worst_sessions"] = string.Join(" ", incident.WorstSessions.Select(s => s.Url)),
        };
        if (top is not null)
        {
            annotations["top_cause"] = PageText.Cause(top);
            if (top.Fix is not null) annotations["fix"] = top.Fix;
        }
        var alert = new JsonObject
        {
            ["labels"] = new JsonObject
            {
                ["alertname"] = AlertName,
                ["severity"] = "page",
                ["tenant"] = incident.Tenant,
                [incident.ScopeKind] = incident.ScopeValue,
                ["rule"] = incident.Rule,
                ["incident_id"] = incident.Id.ToString(),
            },
            ["annotations"] = annotations,
            ["startsAt"] = incident.StartedAt,
            ["endsAt"] = endsAt,
            ["generatorURL"] = links.Incident(incident.Id),
        };
        return new JsonArray(alert).ToJsonString();
    }
}
