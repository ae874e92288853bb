namespace IceWatch.Grains.Alerting;

/// <summary>The next state, the transition that led to it (if any) and why, for the incident record.</summary>
public sealed record AlertDecision(AlertState State, AlertTransition Transition, string Reason);
