namespace IceWatch.IngestApi.Endpoints;

/// <summary>Checks a publishable key's origins: each a web origin as browsers send it (scheme, host, optional port; no path).</summary>
public static class OriginList
{
    public const int MaxOrigins = 50;

    /// <summary>The origins in the form the Origin header carries them, or why they cannot be used.</summary>
    public static bool TryNormalize(IReadOnlyList<string>? origins, out IReadOnlyList<string>? normalized, out string error)
    {
        normalized = null;
        error = "";
        if (origins is null) return true;
        if (origins.Count is 0 or > MaxOrigins)
        {
            error = $"origins must list 1 to {MaxOrigins} origins, or be left out to allow every origin.";
            return false;
        }

        var list = new List<string>();
        foreach (var origin in origins)
        {
            if (origin is not { Length: > 0 and <= 200 } || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.TrimEnd('/').Length != origin.Length || !string.IsNullOrEmpty(uri.UserInfo) || uri.Fragment.Length > 0)
            {
                error = $"'{origin}' is not a web origin: write it as the browser's Origin header does, e.g. https://app.example.com or http://localhost:3000.";
                return false;
            }
            list.Add(uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}");
        }
        normalized = list.Distinct(StringComparer.Ordinal).ToList();
        return true;
    }
}
