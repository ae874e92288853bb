namespace IceWatch.IngestApi.Endpoints;

/// <summary>
/// A key to create: kind <c>publishable</c>, <c>read</c> or <c>admin</c>; Origins (publishable keys only)
/// limits the web pages it may be used from, e.g. <c>["https://app.example.com"]</c>.
/// </summary>
public sealed record KeyRequest(string? Kind, string? Label, IReadOnlyList<string>? Origins);
