namespace IceWatch.Grains.Parsing;

/// <summary>
/// How much one upload may hold. Events and stats objects are counted as read, empty entries
/// included, since they bound the work of reading; peer connections count only real ones.
/// </summary>
public sealed record UploadQuota(int MaxPeerConnections, long MaxEvents, long MaxStatsObjects)
{
    public static UploadQuota Unlimited { get; } = new(int.MaxValue, long.MaxValue, long.MaxValue);
}
