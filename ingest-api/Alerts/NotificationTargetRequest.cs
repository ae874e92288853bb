namespace IceWatch.IngestApi.Alerts;

/// <summary>
/// A new target. kind: webhook (url, optional secret for the HMAC signature), alertmanager (url =
/// Alertmanager's base URL) or pagerduty (routingKey; url defaults to the Events API v2 endpoint).
/// </summary>
public sealed record NotificationTargetRequest(string? Kind, string? Url, string? Name, string? Secret, string? RoutingKey);
