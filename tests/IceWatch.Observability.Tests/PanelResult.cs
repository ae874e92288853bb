using Npgsql;

namespace IceWatch.Observability.Tests;

/// <summary>The rows a panel's expanded SQL returned, by column name.</summary>
public sealed record PanelResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public IEnumerable<object?> Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        Assert.True(index >= 0, $"no column '{name}' in [{string.Join(", ", Columns)}]");
        return Rows.Select(r => r[index]);
    }

    public IReadOnlyList<object?[]> Where(string column, string value)
    {
        var index = Columns.ToList().IndexOf(column);
        return Rows.Where(r => Equals(r[index], value)).ToList();
    }

    public double Number(object?[] row, string column) => Convert.ToDouble(row[Columns.ToList().IndexOf(column)]);

    public static async Task<PanelResult> RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct = default)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new PanelResult(columns, rows);
    }
}
