using System.Data.Common;
using Npgsql;

namespace IceWatch.Silo.Storage;

/// <summary>
/// A connection pool of the process (the main one, and the accept path's own), with IceWatch's defaults
/// where the connection string says nothing:
/// at most <see cref="DefaultMaxPoolSize"/> connections, so a burst of grain activations waits for a pooled
/// connection instead of exhausting the server's max_connections (100 by default) for every node sharing it;
/// and statements prepared on the server once a connection has run them <see cref="DefaultAutoPrepareMinUsages"/>
/// times, so the dozen statements each upload runs are not parsed and planned again every time.
/// </summary>
public static class PooledDataSource
{
    public const int DefaultMaxPoolSize = 20;
    public const int DefaultMaxAutoPrepare = 64;
    public const int DefaultAutoPrepareMinUsages = 2;

    /// <summary>The key of the accept path's own pool (<see cref="StorageOptions.AcceptConnections"/>).</summary>
    public const string AcceptKey = "accept";

    /// <summary>A pool; <paramref name="maxPoolSize"/>, when given, overrides the connection string's.</summary>
    public static NpgsqlDataSource Build(string connectionString, int? maxPoolSize = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's ContainsKey says whether a keyword exists at all; its ConnectionString lists what was set,
        // under the canonical keywords whatever synonym was used.
        var said = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        if (maxPoolSize is { } size)
        {
            settings.MaxPoolSize = size;
            settings.MinPoolSize = Math.Min(settings.MinPoolSize, size);
        }
        else if (!said.ContainsKey("Maximum Pool Size")) settings.MaxPoolSize = Math.Max(DefaultMaxPoolSize, settings.MinPoolSize);
        if (!said.ContainsKey("Max Auto Prepare")) settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!said.ContainsKey("Auto Prepare Min Usages")) settings.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        return new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
    }
}
