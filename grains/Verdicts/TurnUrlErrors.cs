namespace IceWatch.Grains.Verdicts;

/// <summary>How often one configured TURN URL answered 401 or could not be reached (701 and other errors).</summary>
public sealed record TurnUrlErrors(string Url, int Unauthorized, int Unreachable);
