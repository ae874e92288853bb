namespace IceWatch.Grains.Events;

/// <summary>
/// The RTCConfiguration parts that matter to ICE. Malformed is set when the input carried a
/// configuration that could not be read (it is evidence for ice_config_invalid).
/// </summary>
public sealed record IceConfiguration(
    IReadOnlyList<IceServer> IceServers,
    string? IceTransportPolicy = null,
    string? BundlePolicy = null,
    bool Malformed = false);
