namespace IceWatch.Silo;

/// <summary>Bound from the IceWatch section; ICEWATCH_DATABASE overrides IceWatch:Database.</summary>
public sealed class StorageOptions
{
    public const string Section = "IceWatch";

    /// <summary>Npgsql connection string of the IceWatch database.</summary>
    public string Database { get; set; } = "";
}
