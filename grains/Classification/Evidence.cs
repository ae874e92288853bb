using System.Globalization;

namespace IceWatch.Grains.Classification;

/// <summary>Formats evidence lines with times relative to the start of the peer connection.</summary>
public sealed class Evidence(DateTimeOffset? start)
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public Evidence Add(string line)
    {
        if (!_lines.Contains(line)) _lines.Add(line);
        return this;
    }

    public string At(DateTimeOffset time) =>
        start is null ? "" : string.Create(CultureInfo.InvariantCulture, $" at +{(time - start.Value).TotalSeconds:0.0} s");

    public static string Seconds(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
