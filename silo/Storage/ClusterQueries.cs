namespace IceWatch.Silo;

/// <summary>
/// The clustering provider's named queries. Parameters are bound by name and cast here, because the
/// provider passes untyped values (nulls among them); result columns are read by name. Every write
/// of a member row also bumps the cluster's version row where it still holds the version the caller
/// read, in the same statement, and reports whether both happened.
/// </summary>
internal static class ClusterQueries
{
    private const string MemberColumns = """
        v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
        m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
        m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string ThisMember = """
        deployment_id = @DeploymentId::text AND address = @Address::text AND port = @Port::int AND generation = @Generation::int
        """;

    private static readonly (string Key, string Sql)[] All =
    [
        ("MembershipReadAllKey", $"""
            SELECT {MemberColumns}
            FROM orleans_membership_versions v
            LEFT JOIN orleans_members m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId::text
            """),
        ("MembershipReadRowKey", $"""
            SELECT {MemberColumns}
            FROM orleans_membership_versions v
            LEFT JOIN orleans_members m ON m.deployment_id = v.deployment_id
                AND m.address = @Address::text AND m.port = @Port::int AND m.generation = @Generation::int
            WHERE v.deployment_id = @DeploymentId::text
            """),
        ("InsertMembershipVersionKey", """
            WITH inserted AS (
                INSERT INTO orleans_membership_versions (deployment_id) VALUES (@DeploymentId::text)
                ON CONFLICT (deployment_id) DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM inserted
            """),
        ("InsertMembershipKey", $"""
            WITH bumped AS (
                UPDATE orleans_membership_versions SET version = version + 1, updated_at = now()
                WHERE deployment_id = @DeploymentId::text AND version = @Version::int
                  AND NOT EXISTS (SELECT 1 FROM orleans_members WHERE {ThisMember})
                RETURNING deployment_id),
            inserted AS (
                INSERT INTO orleans_members (deployment_id, address, port, generation, silo_name, host_name, status,
                                             proxy_port, start_time, i_am_alive_time)
                SELECT deployment_id, @Address::text, @Port::int, @Generation::int, @SiloName::text, @HostName::text,
                       @Status::int, @ProxyPort::int, @StartTime::timestamptz, @IAmAliveTime::timestamptz
                FROM bumped
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM inserted
            """),
        ("UpdateMembershipKey", $"""
            WITH bumped AS (
                UPDATE orleans_membership_versions SET version = version + 1, updated_at = now()
                WHERE deployment_id = @DeploymentId::text AND version = @Version::int
                  AND EXISTS (SELECT 1 FROM orleans_members WHERE {ThisMember})
                RETURNING deployment_id),
            updated AS (
                UPDATE orleans_members m
                SET status = @Status::int, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime::timestamptz
                FROM bumped
                WHERE m.deployment_id = bumped.deployment_id
                  AND m.address = @Address::text AND m.port = @Port::int AND m.generation = @Generation::int
                RETURNING 1)
            SELECT count(*)::int FROM updated
            """),
        ("UpdateIAmAlivetimeKey", $"""
            UPDATE orleans_members SET i_am_alive_time = @IAmAliveTime::timestamptz WHERE {ThisMember}
            """),
        ("GatewaysQueryKey", """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_members
            WHERE deployment_id = @DeploymentId::text AND status = @Status::int AND proxy_port > 0
            """),
        ("DeleteMembershipTableEntriesKey", """
            WITH members AS (DELETE FROM orleans_members WHERE deployment_id = @DeploymentId::text)
            DELETE FROM orleans_membership_versions WHERE deployment_id = @DeploymentId::text
            """),
        // Only entries of dead silos (status 6) that stopped answering before the given time.
        ("CleanupDefunctSiloEntriesKey", """
            DELETE FROM orleans_members
            WHERE deployment_id = @DeploymentId::text AND status = 6 AND i_am_alive_time < @IAmAliveTime::timestamptz
            """),
    ];

    public static IReadOnlyList<string> Keys => All.Select(q => q.Key).ToList();

    /// <summary>The INSERT that fills orleans_queries, with each query as a dollar-quoted literal.</summary>
    public static string Insert => "INSERT INTO orleans_queries (query_key, query_text) VALUES\n" +
        string.Join(",\n", All.Select(q => $"    ('{q.Key}', $query${q.Sql}$query$)")) + ";";
}
