namespace IceWatch.Grains.Timeline;

/// <summary>What is known of one candidate pair: last values, counters as their maximum.</summary>
public sealed record PairFacts
{
    public required string Id { get; init; }
    public string? LocalCandidateId { get; set; }
    public string? RemoteCandidateId { get; set; }
    public string? State { get; set; }
    public DateTimeOffset? StateAt { get; set; }
    public bool Nominated { get; set; }
    public bool Selected { get; set; }
    public DateTimeOffset? SelectedAt { get; set; }
    public long BytesSent { get; set; }
    public long BytesReceived { get; set; }
    public long RequestsSent { get; set; }
    public long ResponsesReceived { get; set; }
    public double? CurrentRoundTripTime { get; set; }
    public DateTimeOffset? FirstSucceededAt { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
}
