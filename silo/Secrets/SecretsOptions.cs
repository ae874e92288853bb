namespace IceWatch.Silo;

/// <summary>
/// The master key that encrypts the Data Protection key ring in PostgreSQL: 32 random bytes in base64
/// (ICEWATCH_SECRETS_KEY, or a file holding it: ICEWATCH_SECRETS_KEY_FILE). Keys it replaced stay
/// readable while listed in ICEWATCH_SECRETS_PREVIOUS_KEYS. Without a master key the ring is stored as
/// it is, so whoever can read the database can read the notification secrets.
/// </summary>
public sealed class SecretsOptions
{
    public string? Key { get; set; }

    public string? KeyFile { get; set; }

    public string? PreviousKeys { get; set; }
}
