using IceWatch.Silo;

namespace IceWatch.IngestApi.Alerts;

/// <summary>A target as the API shows it: the secret or routing key only as a hint of its last characters.</summary>
public sealed record NotificationTargetView(Guid Id, string Kind, string? Name, string Url, string? SecretHint, DateTimeOffset CreatedAt)
{
    public static NotificationTargetView From(NotificationTarget t) => new(t.Id, t.Kind, t.Name, t.Url, Hint(t.Secret), t.CreatedAt);

    private static string? Hint(string? secret) => secret switch
    {
        null or "" => null,
        { Length: < 12 } => "…",
        _ => "…" + secret[^4..],
    };
}
