namespace IceWatch.Silo;

/// <summary>
/// Links in pages, under ICEWATCH_PUBLIC_URL. People follow them from a pager, so they open the web UI
/// (which signs in with a read key and comes back); programs get the JSON of an incident from <see cref="IncidentApi"/>.
/// </summary>
public sealed record IncidentLinks(string PublicUrl)
{
    public string Incident(Guid id) => $"{Base}/ui/alerts/{id}";

    public string IncidentApi(Guid id) => $"{Base}/v1/alerts/{id}";

    public string Session(string sessionId) => $"{Base}/ui/sessions/{Uri.EscapeDataString(sessionId)}";

    private string Base => PublicUrl.TrimEnd('/');
}
