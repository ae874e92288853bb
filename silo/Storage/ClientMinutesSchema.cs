namespace IceWatch.Silo;

/// <summary>
/// What the paging rule counts (docs/alerting.md): per scope (a region, or a TURN URL), minute bucket
/// and client, the peer connections with each final outcome and category. A client is the network a
/// publishable-key upload came from (a keyed hash, kept on the session from its first upload), or the
/// session itself ("s:&lt;id&gt;") for uploads with a secret key. The last day of verdicts is copied in,
/// each session as its own client, so windows are full from the first evaluation after the upgrade.
/// Incidents keep the client counts of their peak.
/// </summary>
internal static class ClientMinutesSchema
{
    public const int Version = 11;

    public const string Sql = """
        ALTER TABLE sessions ADD COLUMN client text NOT NULL DEFAULT '';
        CREATE TABLE client_minutes (
            tenant_id        uuid NOT NULL REFERENCES tenants (id),
            scope_kind       text NOT NULL CHECK (scope_kind IN ('region', 'turn_url')),
            scope_value      text NOT NULL,
            minute           timestamptz NOT NULL,
            client           text NOT NULL,
            outcome          text NOT NULL,
            category         text NOT NULL,
            peer_connections bigint NOT NULL,
            PRIMARY KEY (tenant_id, scope_kind, scope_value, minute, client, outcome, category)
        );
        CREATE INDEX client_minutes_minute ON client_minutes (minute);
        ALTER TABLE alert_incidents ADD COLUMN clients bigint, ADD COLUMN failed_clients bigint;

        WITH final AS (
            SELECT v.tenant_id, s.region, v.session_id, v.peer_connection_id, v.outcome, coalesce(v.category, '') AS category, v.verdict,
                   date_trunc('minute', coalesce((v.verdict->>'receivedAt')::timestamptz, v.started_at, s.created_at), 'UTC') AS minute
            FROM verdicts v JOIN sessions s ON s.tenant_id = v.tenant_id AND s.session_id = v.session_id
            WHERE v.outcome IN ('connected', 'failed') AND v.updated_at > now() - interval '1 day'),
        scopes AS (
            SELECT tenant_id, 'region' AS scope_kind, region AS scope_value, minute, session_id, peer_connection_id, outcome, category FROM final
            UNION
            SELECT f.tenant_id, 'turn_url', left(u.url, 1024), f.minute, f.session_id, f.peer_connection_id, f.outcome, f.category
            FROM final f CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(f.verdict->'turnUrls', '[]')) AS u(url))
        INSERT INTO client_minutes (tenant_id, scope_kind, scope_value, minute, client, outcome, category, peer_connections)
        SELECT tenant_id, scope_kind, scope_value, minute, 's:' || session_id, outcome, category, count(*)
        FROM scopes GROUP BY tenant_id, scope_kind, scope_value, minute, session_id, outcome, category;
        """;
}
