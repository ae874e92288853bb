namespace IceWatch.Grains.Regions;

/// <summary>
/// An additive change to a TURN URL's minute: peer connections configured with it, those whose
/// selected pair was relayed through it and their relayed bytes, and its 401 / unreachable errors.
/// </summary>
public sealed record TurnCounterDelta(TurnBucketKey Key, long PeerConnections, long RelayedVia, long BytesRelayed, long AuthErrors, long UnreachableErrors)
{
    public bool IsZero => PeerConnections == 0 && RelayedVia == 0 && BytesRelayed == 0 && AuthErrors == 0 && UnreachableErrors == 0;

    public TurnCounterDelta Plus(TurnCounterDelta other, int sign = 1) => this with
    {
        PeerConnections = PeerConnections + sign * other.PeerConnections,
        RelayedVia = RelayedVia + sign * other.RelayedVia,
        BytesRelayed = BytesRelayed + sign * other.BytesRelayed,
        AuthErrors = AuthErrors + sign * other.AuthErrors,
        UnreachableErrors = UnreachableErrors + sign * other.UnreachableErrors,
    };
}
