namespace IceWatch.Silo;

/// <summary>
/// Key kinds: publishable keys (safe in a web page, post reports only, optionally from listed origins),
/// read keys and admin keys. Every key issued before kinds existed could do everything, so it becomes
/// an admin key and keeps working as before. Tenants choose whether publishable keys may post dumps.
/// </summary>
internal static class KeyKindsSchema
{
    public const int Version = 9;

    public const string Sql = """
        ALTER TABLE api_keys ADD COLUMN kind text NOT NULL DEFAULT 'admin'
            CONSTRAINT api_keys_kind CHECK (kind IN ('publishable', 'read', 'admin'));
        -- Web origins a publishable key may be used from; null allows every origin.
        ALTER TABLE api_keys ADD COLUMN origins text[];
        ALTER TABLE tenants ADD COLUMN publishable_dumps boolean NOT NULL DEFAULT false;
        """;
}
