namespace IceWatch.Grains.Verdicts;

/// <summary>Values of <see cref="Verdict.Outcome"/> (verdict.md).</summary>
public static class Outcomes
{
    public const string Connected = "connected";
    public const string Failed = "failed";
    public const string Pending = "pending";
}
