namespace IceWatch.Silo;

/// <summary>One shared token bucket: Rate tokens a second, at most Burst at once.</summary>
public sealed record RateLimitCell(string Key, double Rate, int Burst);
