using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace IceWatch.IngestApi.OpenApi;

/// <summary>
/// The SDK report format (docs/sdk-report-format.md) as a schema for the OpenAPI document. The API
/// does not bind to it: the body is validated by the upload reader and stored as received.
/// </summary>
[Description("A batch of reports for one session. Times are milliseconds since the Unix epoch on the client's clock.")]
public sealed record SdkReportBatch(
    [property: Required, MinLength(1), MaxLength(128), RegularExpression("^[A-Za-z0-9._:-]{1,128}$")]
    [property: Description("The app's call/session id.")]
    string SessionId,
    [property: Required]
    [property: Description("One report per peer connection and sequence number.")]
    IReadOnlyList<SdkReport> Reports,
    [property: MinLength(1), MaxLength(64), RegularExpression("^[A-Za-z0-9._:-]{1,64}$")]
    [property: Description("Where the client is; default 'unknown'.")]
    string? Region = null,
    [property: Description("Free-form: the SDK's name and version.")]
    SdkInfo? Sdk = null,
    [property: Description("The client's user agent; kept per client (first 512 characters) and shown on its verdicts.")]
    string? UserAgent = null,
    [property: Description("Free-form key/value pairs, kept with the session.")]
    IReadOnlyDictionary<string, string>? Metadata = null,
    [property: MinLength(1), MaxLength(64), RegularExpression("^[A-Za-z0-9._:-]{1,64}$")]
    [property: Description("The sending client (one participant's page), the same in all its batches: its peer connections " +
        "become '<clientId>/<peerConnectionId>' in the session, so participants sharing a sessionId stay apart.")]
    string? ClientId = null);
