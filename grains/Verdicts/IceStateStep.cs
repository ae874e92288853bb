namespace IceWatch.Grains.Verdicts;

/// <summary>One step of a state timeline, at milliseconds after the peer connection started.</summary>
public sealed record IceStateStep(string Kind, string State, long AtMs);
