using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace IceWatch.IngestApi.OpenApi;

[Description("An ICE server. Never send 'credential' or 'username': a report carrying a 'credential' field is rejected with 400.")]
public sealed record SdkIceServer(
    [property: Required, Description("A URL string or an array of URL strings (stun:, turn:, turns:).")] JsonElement Urls,
    [property: Description("Whether the app configured a credential for this server.")] bool? HasCredential = null,
    [property: Description("For TURN REST usernames '<unix expiry>:<user>': only the expiry, in seconds since the epoch.")] long? UsernameExpiry = null);
