using System.ComponentModel;

namespace IceWatch.IngestApi.OpenApi;

[Description("The RTCConfiguration, without secrets.")]
public sealed record SdkConfiguration(
    IReadOnlyList<SdkIceServer>? IceServers = null,
    [property: Description("all or relay.")] string? IceTransportPolicy = null,
    string? BundlePolicy = null);
