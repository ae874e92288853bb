using System.Text.Json.Nodes;

namespace IceWatch.Api.Tests;

/// <summary>Replaces one random node of a JSON document with a value of the wrong type or an extreme one.</summary>
public static class JsonMutator
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => JsonValue.Create(""),
        r => JsonValue.Create(new string('x', r.Next(1, 5000))),
        _ => JsonValue.Create(true),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(double.MaxValue),
        _ => JsonValue.Create(1e-300),
        _ => JsonNode.Parse("99999999999999999999999999999999999999"),
        _ => JsonNode.Parse("-1e400"),
        _ => JsonValue.Create("NaN"),
        _ => JsonValue.Create("\u0000\uFFFF\u202E"),
        _ => new JsonArray(),
        _ => new JsonObject(),
        _ => new JsonArray(1, "two", null, new JsonObject()),
        r => Nest(r.Next(2, 60)),
        _ => JsonValue.Create("[1,2,"),
        _ => JsonValue.Create("{\"statsType\":"),
    ];

    public static byte[] Mutate(JsonNode original, Random random, int mutations)
    {
        var document = original.DeepClone();
        for (var i = 0; i < mutations; i++)
        {
            var nodes = Flatten(document).ToList();
            var (parent, key, index) = nodes[random.Next(nodes.Count)];
            var replacement = Replacements[random.Next(Replacements.Length)](random);
            if (parent is JsonObject obj && key is not null) obj[key] = replacement;
            else if (parent is JsonArray array && index is { } at) array[at] = replacement;
        }
        return System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++) node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        return node;
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int? Index)> Flatten(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, null);
                    if (child is not null) foreach (var inner in Flatten(child)) yield return inner;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child) foreach (var inner in Flatten(child)) yield return inner;
                }
                break;
        }
    }
}
