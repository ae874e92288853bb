namespace IceWatch.Grains.Verdicts;

/// <summary>The answer for one peer connection; field names are the public vocabulary of verdict.md.</summary>
public sealed record Verdict
{
    public required string PeerConnectionId { get; init; }
    public required string Outcome { get; init; }
    public bool FailedAfterConnect { get; init; }
    public SelectedPair? SelectedPair { get; init; }
    public bool Relayed { get; init; }
    public long BytesRelayed { get; init; }
    public long BytesDirect { get; init; }
    public double? RelayRatio { get; init; }
    public long? TimeToConnectedMs { get; init; }
    public int IceRestarts { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public string? Fix { get; init; }

    // Additions beyond verdict.md's core table.
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>Server time when IceWatch first received data of this peer connection.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
    public int PairSwitches { get; init; }
    /// <summary>From the peer connection's creation (<see cref="StartedAt"/>) to connected; includes gathering and signalling.</summary>
    public long? TimeFromCreationToConnectedMs { get; init; }
    public IReadOnlyList<string> TurnUrls { get; init; } = [];
    public IReadOnlyList<TurnUrlErrors> TurnErrors { get; init; } = [];
    public IReadOnlyList<IceStateStep> Timeline { get; init; } = [];
    /// <summary>How often the connection failed after connecting and then connected again (an ICE restart).</summary>
    public int Recoveries { get; init; }
    /// <summary>The SDK client (one participant's page) that reported this peer connection; null for dumps.</summary>
    public string? ClientId { get; init; }
    public string? UserAgent { get; init; }
}
