using System.Net.Sockets;
using Npgsql;

namespace IceWatch.IngestApi.Problems;

/// <summary>Tells "PostgreSQL cannot be reached right now" apart from real faults.</summary>
public static class DatabaseFailures
{
    // Server-side states that mean the database cannot serve now: shutting down or starting up, too many
    // clients, connection failures, and a missing database or refused login (an operator must act; not a 500).
    private static readonly HashSet<string> UnavailableStates =
        ["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "3D000", "28000", "28P01"];

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return UnavailableStates.Contains(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException:
                    return true;
                case SocketException:
                    return true;
                case TimeoutException when HasNpgsqlOrigin(exception):
                    return true;
            }
        }
        return false;
    }

    private static bool HasNpgsqlOrigin(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException) return true;
        return false;
    }
}
