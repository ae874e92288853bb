using System.Text.Json.Nodes;
using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>An event for PagerDuty's Events API v2: trigger (again for a reminder) and resolve, both keyed by the incident id.</summary>
public static class PagerDutyPayload
{
    public static string Build(AlertIncident incident, string notificationEvent, string routingKey, IncidentLinks links)
    {
        var dedupKey = incident.Id.ToString();
        if (notificationEvent == NotificationEvents.Resolved)
            return new JsonObject { ["routing_key"] = routingKey, ["event_action"] = "resolve", ["dedup_key"] = dedupKey }.ToJsonString();

        return new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = "trigger",
            ["dedup_key"] = dedupKey,
            ["client"] = "IceWatch",
            ["client_url"] = links.Incident(incident.Id),
            ["payload"] = new JsonObject
            {
                ["summary"] = incident.Title.Length > 1024 ? incident.Title[..1024] : incident.Title,
                ["source"] = $"icewatch/{incident.Tenant}/{incident.ScopeKind}/{incident.ScopeValue}",
                ["severity"] = "critical",
                ["timestamp"] = incident.StartedAt,
                ["component"] = incident.ScopeValue,
                ["group"] = incident.Tenant,
                ["class"] = incident.Rule,
                ["custom_details"] = new JsonObject
                {
                    ["rate"] = AlertEvaluator.Percent(incident.CurrentRate ?? incident.PeakRate),
                    ["threshold"] = AlertEvaluator.Percent(incident.Threshold),
                    ["peer_connections"] = incident.PeerConnections,
                    ["failed"] = incident.Failed,
                    ["clients"] = incident.Clients,
                    ["failed_clients"] = incident.FailedClients,
                    ["causes"] = new JsonArray(incident.Causes.Select(c => (JsonNode?)PageText.Cause(c)).ToArray()),
                    ["summary"] = incident.Summary,
                },
            },
            ["links"] = new JsonArray(
                [new JsonObject { ["href"] = links.Incident(incident.Id), ["text"] = "IceWatch incident" },
                 .. incident.WorstSessions.Select(s => (JsonNode?)new JsonObject { ["href"] = s.Url, ["text"] = $"session {s.SessionId} ({s.Failed} failed)" })]),
        }.ToJsonString();
    }
}
