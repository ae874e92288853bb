namespace IceWatch.Silo;

/// <summary>The schema, as an append-only list of versioned migrations. Never edit a released one; add the next.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "tenants and api keys", """
            CREATE TABLE tenants (
                id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                name       text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE api_keys (
                key_hash   bytea PRIMARY KEY,
                tenant_id  uuid NOT NULL REFERENCES tenants (id),
                label      text,
                created_at timestamptz NOT NULL DEFAULT now(),
                revoked_at timestamptz
            );
            CREATE INDEX api_keys_tenant ON api_keys (tenant_id);
            """),
        new(2, "sessions and the upload inbox", """
            CREATE TABLE sessions (
                tenant_id        uuid NOT NULL REFERENCES tenants (id),
                session_id       text NOT NULL,
                region           text NOT NULL,
                state            jsonb,
                created_at       timestamptz NOT NULL DEFAULT now(),
                updated_at       timestamptz NOT NULL DEFAULT now(),
                next_deadline_at timestamptz,
                PRIMARY KEY (tenant_id, session_id)
            );
            CREATE INDEX sessions_next_deadline ON sessions (next_deadline_at) WHERE next_deadline_at IS NOT NULL;
            CREATE INDEX sessions_region ON sessions (tenant_id, region);

            CREATE TABLE uploads (
                id             uuid PRIMARY KEY,
                seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                tenant_id      uuid NOT NULL,
                session_id     text NOT NULL,
                region         text NOT NULL,
                format         text NOT NULL,
                body           bytea NOT NULL,
                content_sha256 bytea NOT NULL,
                received_at    timestamptz NOT NULL DEFAULT now(),
                processed_at   timestamptz,
                attempts       integer NOT NULL DEFAULT 0,
                last_error     text,
                UNIQUE (tenant_id, session_id, content_sha256),
                FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, session_id)
            );
            CREATE INDEX uploads_pending ON uploads (seq) INCLUDE (tenant_id, session_id) WHERE processed_at IS NULL;
            """),
        new(3, "verdicts and region minutes", """
            CREATE TABLE verdicts (
                tenant_id            uuid NOT NULL,
                session_id           text NOT NULL,
                peer_connection_id   text NOT NULL,
                verdict              jsonb NOT NULL,
                outcome              text NOT NULL,
                failed_after_connect boolean NOT NULL,
                category             text,
                local_type           text,
                remote_type          text,
                relay_protocol       text,
                relayed              boolean NOT NULL,
                bytes_relayed        bigint NOT NULL,
                bytes_direct         bigint NOT NULL,
                time_to_connected_ms bigint,
                started_at           timestamptz,
                updated_at           timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, session_id, peer_connection_id),
                FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, session_id)
            );
            CREATE INDEX verdicts_outcome ON verdicts (tenant_id, started_at, outcome, category);

            -- An empty string stands for none, so that every dimension can be part of the key.
            CREATE TABLE region_minutes (
                tenant_id        uuid NOT NULL REFERENCES tenants (id),
                region           text NOT NULL,
                minute           timestamptz NOT NULL,
                outcome          text NOT NULL,
                category         text NOT NULL,
                local_type       text NOT NULL,
                remote_type      text NOT NULL,
                relay_protocol   text NOT NULL,
                peer_connections bigint NOT NULL,
                bytes_relayed    bigint NOT NULL,
                bytes_direct     bigint NOT NULL,
                PRIMARY KEY (tenant_id, region, minute, outcome, category, local_type, remote_type, relay_protocol)
            );
            """),
        new(4, "turn server minutes", TurnMinutesSchema.Sql),
        new(5, "relay prices", RelayPricesSchema.Sql),
        new(6, "alert rules, targets, state, incidents and outbox", AlertingSchema.Sql),
        new(PrivacySchema.Version, "key ids, address key, dropped bodies, retention indexes", PrivacySchema.Sql),
        new(ClusterSchema.Version, "orleans membership, row versions for grain steps", ClusterSchema.Sql),
        new(KeyKindsSchema.Version, "key kinds, publishable key origins, tenant dump setting", KeyKindsSchema.Sql),
        new(RateLimitSchema.Version, "rate limits shared by every ingest node", RateLimitSchema.Sql),
        new(ClientMinutesSchema.Version, "client minutes for the paging rule, session clients, incident client counts", ClientMinutesSchema.Sql),
        new(SecretsSchema.Version, "data protection key ring, protected notification secrets", SecretsSchema.Sql),
    ];
}
