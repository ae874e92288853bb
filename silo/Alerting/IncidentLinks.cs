namespace IceWatch.Silo;

/// <summary>Links in pages, under ICEWATCH_PUBLIC_URL.</summary>
public sealed record IncidentLinks(string PublicUrl)
{
    public string Incident(Guid id) => $"{PublicUrl.TrimEnd('/')}/v1/alerts/{id}";

    public string Session(string sessionId) => $"{PublicUrl.TrimEnd('/')}/v1/sessions/{Uri.EscapeDataString(sessionId)}";
}
