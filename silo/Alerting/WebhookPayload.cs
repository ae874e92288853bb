using System.Text.Json;
using System.Text.Json.Nodes;
using IceWatch.Grains;
using IceWatch.Grains.Alerting;

namespace IceWatch.Silo;

/// <summary>The generic webhook's JSON body (docs/alerting.md); signed when sent.</summary>
public static class WebhookPayload
{
    public static string Build(AlertIncident incident, string notificationEvent, IncidentLinks links) => new JsonObject
    {
        ["version"] = "1",
        ["event"] = notificationEvent,
        ["incident"] = new JsonObject
        {
            ["id"] = incident.Id,
            ["key"] = incident.Key,
            ["tenant"] = incident.Tenant,
            ["tenantId"] = incident.TenantId,
            ["scope"] = new JsonObject { ["kind"] = incident.ScopeKind, ["value"] = incident.ScopeValue },
            ["rule"] = incident.Rule,
            ["status"] = incident.Status,
            ["startedAt"] = incident.StartedAt,
            ["endedAt"] = incident.EndedAt,
            ["rate"] = incident.CurrentRate,
            ["peakRate"] = incident.PeakRate,
            ["threshold"] = incident.Threshold,
            ["peerConnections"] = incident.PeerConnections,
            ["failed"] = incident.Failed,
            ["clients"] = incident.Clients,
            ["failedClients"] = incident.FailedClients,
            ["categories"] = JsonSerializer.SerializeToNode(incident.Categories, GrainJson.Options),
            ["causes"] = new JsonArray(incident.Causes.Select(Cause).ToArray<JsonNode?>()),
            ["worstSessions"] = JsonSerializer.SerializeToNode(incident.WorstSessions, GrainJson.Options),
            ["title"] = incident.Title,
            ["summary"] = incident.Summary,
            ["url"] = links.Incident(incident.Id),
            ["apiUrl"] = links.IncidentApi(incident.Id),
        },
    }.ToJsonString();

    private static JsonObject Cause(CauseShare c) => new()
    {
        ["category"] = c.Category,
        ["failed"] = c.Failed,
        ["share"] = c.Share,
        ["turnUrl"] = c.TurnUrl,
        ["fix"] = c.Fix,
        ["text"] = PageText.Cause(c),
    };
}
