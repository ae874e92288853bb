using System.Text.Json;
using System.Text.Json.Serialization;

namespace IceWatch.Grains;

/// <summary>The JSON shape of grain state and verdicts (camelCase, enums as strings, nulls kept).</summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
