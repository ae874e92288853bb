namespace IceWatch.Silo;

/// <summary>Per-TURN-URL minute counters, updated in the same transaction as the region's.</summary>
internal static class TurnMinutesSchema
{
    public const string Sql = """
        CREATE TABLE turn_minutes (
            tenant_id          uuid NOT NULL REFERENCES tenants (id),
            region             text NOT NULL,
            turn_url           text NOT NULL,
            minute             timestamptz NOT NULL,
            outcome            text NOT NULL,
            category           text NOT NULL,
            peer_connections   bigint NOT NULL,
            relayed_via        bigint NOT NULL,
            bytes_relayed      bigint NOT NULL,
            auth_errors        bigint NOT NULL,
            unreachable_errors bigint NOT NULL,
            PRIMARY KEY (tenant_id, turn_url, minute, region, outcome, category)
        );
        CREATE INDEX turn_minutes_minute ON turn_minutes (tenant_id, minute);
        """;
}
