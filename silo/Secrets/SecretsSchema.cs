namespace IceWatch.Silo;

/// <summary>
/// The ASP.NET Core Data Protection key ring, shared by every node (each key's XML encrypted under the
/// master key from configuration when one is set), and notification target secrets protected with it.
/// Secrets stored in plain text before are protected by <see cref="SecretsUpgrade"/> at start-up (it
/// needs the key ring, which SQL cannot use). PagerDuty routing keys leave the queued bodies: the sender
/// adds them when it delivers.
/// </summary>
internal static class SecretsSchema
{
    public const int Version = 12;

    public const string Sql = """
        CREATE TABLE data_protection_keys (
            friendly_name text PRIMARY KEY,
            xml           text NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now()
        );
        ALTER TABLE notification_targets ADD COLUMN secret_protected text;
        UPDATE alert_outbox o SET body = jsonb_set(o.body::jsonb, '{routing_key}', '""')::text
        FROM notification_targets t
        WHERE t.id = o.target_id AND t.kind = 'pagerduty' AND o.body::jsonb ? 'routing_key';
        """;
}
