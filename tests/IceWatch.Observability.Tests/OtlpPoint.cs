namespace IceWatch.Observability.Tests;

/// <summary>One data point of an exported metric, flattened: Value is the number (or the histogram's sum), Count the histogram's count.</summary>
public sealed record OtlpPoint(
    string Metric, string Unit, string Kind, bool Monotonic, IReadOnlyDictionary<string, string> Attributes, double Value, ulong Count,
    IReadOnlyDictionary<string, string> Resource);
