using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace IceWatch.IngestApi.OpenApi;

[Description("A getStats() snapshot: stats id → fields of that RTCStats object. Ids and fields unchanged since the previous snapshot may be omitted.")]
public sealed record SdkStatsSnapshot(
    [property: Required, Description("Milliseconds since the Unix epoch.")] long T,
    [property: Required] IReadOnlyDictionary<string, JsonElement> Reports);
