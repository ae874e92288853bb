namespace IceWatch.Grains.Sessions;

/// <summary>StallDeadline: a peer connection not connected this long after its creation is failed.</summary>
public sealed record SessionOptions(TimeSpan StallDeadline)
{
    public SessionLimits Limits { get; init; } = SessionLimits.Default;

    public static SessionOptions Default { get; } = new(TimeSpan.FromSeconds(30));
}
