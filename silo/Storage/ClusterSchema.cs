namespace IceWatch.Silo;

/// <summary>
/// What the Orleans cluster needs from the database: the membership tables and the named queries
/// that Microsoft.Orleans.Clustering.AdoNet reads from <c>OrleansQuery</c> at start-up (the package
/// ships no SQL), and the row versions that make every grain step a conditional write.
/// </summary>
internal static class ClusterSchema
{
    public const int Version = 8;

    public static string Sql => $"""
        -- One row per cluster id: the table version every membership write is conditioned on.
        CREATE TABLE orleans_membership_versions (
            deployment_id text PRIMARY KEY,
            version       integer NOT NULL DEFAULT 0,
            updated_at    timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE orleans_members (
            deployment_id   text NOT NULL,
            address         text NOT NULL,
            port            integer NOT NULL,
            generation      integer NOT NULL,
            silo_name       text NOT NULL,
            host_name       text NOT NULL,
            status          integer NOT NULL,
            proxy_port      integer NOT NULL,
            suspect_times   text,
            start_time      timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );
        CREATE TABLE orleans_queries (
            query_key  text PRIMARY KEY,
            query_text text NOT NULL
        );
        -- The provider asks for "SELECT QueryKey, QueryText FROM OrleansQuery"; unquoted, that is this view.
        CREATE VIEW orleansquery AS SELECT query_key AS querykey, query_text AS querytext FROM orleans_queries;
        {ClusterQueries.Insert}

        ALTER TABLE sessions ADD COLUMN version bigint NOT NULL DEFAULT 0;
        ALTER TABLE alert_states ADD COLUMN version bigint NOT NULL DEFAULT 0;
        CREATE INDEX uploads_unprocessed_received ON uploads (received_at) INCLUDE (tenant_id, session_id) WHERE processed_at IS NULL;
        """;
}
