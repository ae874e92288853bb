using Npgsql;

namespace IceWatch.Silo;

/// <summary>Failures worth retrying as they are: connection trouble, deadlocks, serialization failures.</summary>
internal static class TransientErrors
{
    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } => true,
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };
}
