using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace IceWatch.Silo;

/// <summary>The Data Protection key ring in PostgreSQL, so every node protects and unprotects with the same keys.</summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource, DatabaseReadiness readiness) : IXmlRepository
{
    private static readonly TimeSpan MigrationWait = TimeSpan.FromSeconds(30);

    // Data Protection's repository contract is synchronous; the ring is read rarely and cached.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            return Read();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable && !readiness.IsReady)
        {
            // Data Protection warms its ring at start-up, alongside the migrations that create the table.
            readiness.WaitAsync(CancellationToken.None).Wait(MigrationWait);
            return Read();
        }
    }

    private List<XElement> Read()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
