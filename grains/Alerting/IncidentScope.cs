namespace IceWatch.Grains.Alerting;

/// <summary>What an alert watches: a region, or one TURN server URL (the second rule family).</summary>
public sealed record IncidentScope(string Kind, string Value)
{
    public const string RegionKind = "region";
    public const string TurnUrlKind = "turn_url";

    public static IncidentScope Region(string region) => new(RegionKind, region);

    public static IncidentScope TurnUrl(string url) => new(TurnUrlKind, url);

    public override string ToString() => Kind == RegionKind ? $"region {Value}" : $"TURN {Value}";
}
