using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IceWatch.Grains.Sessions;

/// <summary>
/// The SDK report sequence numbers applied for one peer connection, kept compact: every number below
/// <see cref="Below"/>, plus the few above it that arrived out of order. Its size stays the same
/// however long a call runs, so a session's state, and the cost of storing it, does not grow with
/// its history. Reads the older form too, a plain array of numbers.
/// </summary>
[JsonConverter(typeof(AppliedSequenceJson))]
public sealed class AppliedSequence
{
    private readonly SortedSet<long> _above = [];

    public long Below { get; private set; }
    public IReadOnlyCollection<long> Above => _above;

    /// <summary>False when <paramref name="seq"/> was applied before (a retried report).</summary>
    public bool Add(long seq)
    {
        if (seq < Below || !_above.Add(seq)) return false;
        while (_above.Remove(Below)) Below++;
        return true;
    }

    internal sealed class AppliedSequenceJson : JsonConverter<AppliedSequence>
    {
        public override AppliedSequence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var applied = new AppliedSequence();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                foreach (var seq in JsonSerializer.Deserialize(ref reader, Info<long[]>(options)) ?? []) applied.Add(seq);
                return applied;
            }
            var stored = JsonSerializer.Deserialize(ref reader, Info<Stored>(options)) ?? throw new JsonException("expected applied sequence numbers");
            applied.Below = stored.Below;
            foreach (var seq in stored.Above ?? []) applied.Add(seq);
            return applied;
        }

        public override void Write(Utf8JsonWriter writer, AppliedSequence value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Stored(value.Below, [.. value._above]), Info<Stored>(options));

        private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    internal sealed record Stored(long Below, long[]? Above);
}
