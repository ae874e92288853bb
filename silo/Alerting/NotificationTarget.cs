namespace IceWatch.Silo;

/// <summary>Where a tenant's pages go. Secret is the webhook's HMAC key or PagerDuty's routing key.</summary>
public sealed record NotificationTarget(Guid Id, Guid TenantId, string Kind, string? Name, string Url, string? Secret, DateTimeOffset CreatedAt);
