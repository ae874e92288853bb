namespace IceWatch.Silo;

/// <summary>
/// Key ids for revocation, the address obfuscation key, dropped raw bodies, the indexes retention
/// deletes by (the minute indexes come with alerting's migration 6), and lz4 for the large values.
/// </summary>
internal static class PrivacySchema
{
    public const int Version = 7;

    public const string Sql = """
        ALTER TABLE api_keys ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
        ALTER TABLE api_keys ADD CONSTRAINT api_keys_id UNIQUE (id);
        CREATE TABLE instance_secrets (
            name       text PRIMARY KEY,
            value      bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        ALTER TABLE uploads ADD COLUMN body_dropped_at timestamptz;
        CREATE INDEX uploads_processed_received ON uploads (received_at) WHERE processed_at IS NOT NULL;
        CREATE INDEX sessions_updated ON sessions (updated_at);
        -- lz4 spends about a fifth less database CPU per accepted report than the default pglz;
        -- a server built without it keeps pglz.
        DO $$
        BEGIN
            ALTER TABLE uploads ALTER COLUMN body SET COMPRESSION lz4;
            ALTER TABLE sessions ALTER COLUMN state SET COMPRESSION lz4;
            ALTER TABLE verdicts ALTER COLUMN verdict SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
            NULL;
        END $$;
        """;
}
