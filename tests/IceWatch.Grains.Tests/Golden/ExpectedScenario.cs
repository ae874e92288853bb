namespace IceWatch.Grains.Tests.Golden;

/// <summary>expected.json: written from what the scenario is, not from what IceWatch answers.</summary>
/// <param name="FormatOverrides">Per file name, fields whose expected value differs in that format because the format cannot carry the fact.</param>
public sealed record ExpectedScenario(
    string Scenario,
    string? Description,
    IReadOnlyList<ExpectedPeerConnection> PeerConnections,
    IReadOnlyDictionary<string, Dictionary<string, string?>>? FormatOverrides = null)
{
    public IReadOnlyList<ExpectedPeerConnection> For(string file) =>
        FormatOverrides?.GetValueOrDefault(file.EndsWith(".gz", StringComparison.Ordinal) ? file[..^3] : file) is not { } fields
            ? PeerConnections
            : PeerConnections.Select(pc => fields.Aggregate(pc, (e, f) => f.Key switch
            {
                "category" => e with { Category = f.Value },
                "outcome" => e with { Outcome = f.Value ?? e.Outcome },
                _ => throw new InvalidDataException($"override of {f.Key} is not supported"),
            })).ToList();
}
