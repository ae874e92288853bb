using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IceWatch.Grains.Alerting;
using IceWatch.Grains.Events;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains;

/// <summary>The JSON shape of grain state and verdicts (camelCase, enums as strings, nulls kept).</summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>How <see cref="Options"/> writes and reads <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        // The core's own types come from generated code; the servers' other types (alert rules,
        // incidents) by reflection, which a build compiled ahead of time leaves out. Every enum
        // written is named here: one missing would be written as a number (GrainJsonTests).
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault ? WithReflection() : GrainJsonContext.Default,
            Converters =
            {
                new JsonStringEnumConverter<StateKind>(JsonNamingPolicy.CamelCase),
                new JsonStringEnumConverter<UploadFormat>(JsonNamingPolicy.CamelCase),
                new JsonStringEnumConverter<AlertStatus>(JsonNamingPolicy.CamelCase),
                new JsonStringEnumConverter<AlertTransition>(JsonNamingPolicy.CamelCase),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Called only where reflection is enabled: a build compiled ahead of time turns it off and drops the call.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above.")]
    private static IJsonTypeInfoResolver WithReflection() => JsonTypeInfoResolver.Combine(GrainJsonContext.Default, new DefaultJsonTypeInfoResolver());
}
