using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>Typed access to JSON values that fails with "expected ... at &lt;path&gt;".</summary>
public static class JsonShape
{
    public static UploadFormatException Expected(string what, string path, JsonElement? found = null) =>
        new(found is { } f ? $"expected {what} at {path}, found {Describe(f.ValueKind)}" : $"expected {what} at {path}");

    public static UploadFormatException Expected(string what, string path, JsonTokenType found) =>
        new($"expected {what} at {path}, found {Describe(KindOf(found))}");

    /// <summary>The kind of value a token starts.</summary>
    public static JsonValueKind KindOf(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    public static string? OptionalString(JsonElement obj, string name, string path) => Optional(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } other => throw Expected("a string", $"{path}.{name}", other),
    };

    public static string RequireString(JsonElement obj, string name, string path) =>
        OptionalString(obj, name, path) ?? throw Expected("a string", $"{path}.{name}");

    public static double? OptionalNumber(JsonElement obj, string name, string path) => Optional(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { } other => throw Expected("a number", $"{path}.{name}", other),
    };

    public static long RequireInteger(JsonElement obj, string name, string path) => Optional(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        null => throw Expected("an integer", $"{path}.{name}"),
        { } other => throw Expected("an integer", $"{path}.{name}", other),
    };

    public static DateTimeOffset RequireTime(JsonElement obj, string name, string path)
    {
        var ms = OptionalNumber(obj, name, path) ?? throw Expected("a time in milliseconds since the epoch", $"{path}.{name}");
        if (ms is < 0 or > 253_402_300_799_999)
        {
            throw Expected("a time in milliseconds since the epoch", $"{path}.{name}");
        }

        return DateTimeOffset.UnixEpoch.AddMilliseconds(ms);
    }

    public static JsonElement RequireKind(JsonElement value, JsonValueKind kind, string path) =>
        value.ValueKind == kind ? value : throw Expected(Describe(kind), path, value);

    public static JsonElement? OptionalArray(JsonElement obj, string name, string path) => Optional(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } a => a,
        { } other => throw Expected("an array", $"{path}.{name}", other),
    };

    /// <summary>A stats or event value as the contract carries it: string, bool, long or double.</summary>
    public static object? ToScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
