using Npgsql;

namespace IceWatch.Silo;

/// <summary>Incidents for the API: the firing ones first, then the most recent.</summary>
public sealed class AlertIncidentQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AlertIncident>> ListAsync(Guid tenantId, string? status, DateTimeOffset since, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(IncidentRows.Select + """
             WHERE i.tenant_id = $1 AND ($2::text IS NULL OR i.status = $2) AND (i.status = 'firing' OR i.started_at >= $3 OR i.ended_at >= $3)
            ORDER BY i.status = 'firing' DESC, i.started_at DESC
            LIMIT $4
            """, connection)
        {
            Parameters =
            {
                new() { Value = tenantId },
                new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = since },
                new() { Value = limit },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AlertIncident>();
        while (await reader.ReadAsync(ct)) list.Add(IncidentRows.Read(reader));
        return list;
    }

    public async Task<AlertIncident?> GetAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var incident = await IncidentRows.GetAsync(connection, null, id, ct);
        return incident?.TenantId == tenantId ? incident : null;
    }
}
