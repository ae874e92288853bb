namespace IceWatch.Grains.Verdicts;

/// <summary>Root-cause categories of verdict.md, in snake_case as they travel.</summary>
public static class Categories
{
    public const string NoTurnConfigured = "no_turn_configured";
    public const string TurnAuthFailed = "turn_auth_failed";
    public const string TurnCredentialExpired = "turn_credential_expired";
    public const string TurnUnreachable = "turn_unreachable";
    public const string TurnUdpOnly = "turn_udp_only";
    public const string TurnTls443Missing = "turn_tls_443_missing";
    public const string StunUnreachable = "stun_unreachable";
    public const string StunTurnBlocked = "stun_turn_blocked";
    public const string IceConfigInvalid = "ice_config_invalid";
    public const string SignalingIncomplete = "signaling_incomplete";
    public const string GatheringTimeout = "gathering_timeout";
    public const string ConnectionLost = "connection_lost";
    public const string DtlsFailed = "dtls_failed";
    public const string Unknown = "unknown";

    /// <summary>Categories reported beside the ICE failure rate, never inside it.</summary>
    public static bool CountsAsIceFailure(string? category) =>
        category is not (ConnectionLost or DtlsFailed);
}
