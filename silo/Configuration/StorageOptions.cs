namespace IceWatch.Silo;

/// <summary>Bound from the IceWatch section; ICEWATCH_DATABASE and ICEWATCH_ACCEPT_CONNECTIONS override it.</summary>
public sealed class StorageOptions
{
    public const string Section = "IceWatch";

    /// <summary>Npgsql connection string of the IceWatch database.</summary>
    public string Database { get; set; } = "";

    /// <summary>
    /// Connections kept for accepting uploads, in a pool of their own: an accept never waits for a
    /// connection behind the grains' processing, whatever its backlog.
    /// </summary>
    public int AcceptConnections { get; set; } = 20;
}
