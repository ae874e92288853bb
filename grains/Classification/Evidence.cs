using System.Globalization;
using IceWatch.Grains.Timeline;

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

    /// <summary>"401 Unauthorized from turn:... at +0.1 s", saying how the browser wrote the URL when that differs.</summary>
    public string Error(CandidateError e, string? textWhenMissing = null)
    {
        var text = string.IsNullOrWhiteSpace(e.ErrorText) ? textWhenMissing : e.ErrorText.Trim();
        var reported = e.ReportedUrl is { } r ? $" (reported as {r})" : "";
        return $"{e.ErrorCode}{(text is null ? "" : " " + text)} from {e.Url}{reported}{At(e.Time)}";
    }

    public static string Seconds(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
