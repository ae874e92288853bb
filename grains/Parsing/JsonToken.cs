using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// One JSON value as it stands in the input: its kind and its bytes (a string with its quotes, an
/// array or object whole), so it can be looked at after the reader has moved on, without decoding
/// more than is asked for.
/// </summary>
public readonly ref struct JsonToken(JsonTokenType type, ReadOnlySpan<byte> raw)
{
    public JsonTokenType Type { get; } = type;

    /// <summary>The token's bytes: quotes included for a string, the whole text of an array or object.</summary>
    public ReadOnlySpan<byte> Raw { get; } = raw;

    /// <summary>Null or missing, the same to every reader of the dumps.</summary>
    public bool IsAbsent => Type is JsonTokenType.None or JsonTokenType.Null;

    /// <summary>The token the reader stands on, its value passed over whole; false when the buffer ends inside it.</summary>
    public static bool TryCapture(scoped ref Utf8JsonReader reader, ReadOnlySpan<byte> input, out JsonToken token)
    {
        var start = (int)reader.TokenStartIndex;
        var type = reader.TokenType;
        if (type is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            token = default;
            return false;
        }

        var end = type switch
        {
            JsonTokenType.StartObject or JsonTokenType.StartArray => (int)reader.BytesConsumed,
            JsonTokenType.String or JsonTokenType.PropertyName => start + reader.ValueSpan.Length + 2,
            _ => start + reader.ValueSpan.Length,
        };
        token = new JsonToken(type, input[start..end]);
        return true;
    }

    /// <summary>A string's text without its quotes, unescaped into <paramref name="scratch"/> when it has escapes.</summary>
    public ReadOnlySpan<byte> Utf8Text(ref byte[] scratch)
    {
        var inner = Raw[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return inner;
        }

        if (scratch.Length < inner.Length)
        {
            scratch = new byte[Math.Max(inner.Length, scratch.Length * 2)];
        }

        var reader = new Utf8JsonReader(Raw);
        reader.Read();
        return scratch.AsSpan(0, reader.CopyString(scratch));
    }

    /// <summary>A string whose bytes are its text: printable ASCII without escapes, as most stats strings are.</summary>
    public bool IsPlainText => Type is JsonTokenType.String or JsonTokenType.PropertyName && Raw.Length >= 2
        && !Raw[1..^1].ContainsAnyExceptInRange((byte)' ', (byte)'~') && !Raw[1..^1].Contains((byte)'\\');

    /// <summary>A string's text, decoded.</summary>
    public string Text()
    {
        if (IsPlainText)
        {
            return Encoding.ASCII.GetString(Raw[1..^1]);
        }

        var reader = new Utf8JsonReader(Raw);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>A number token's value as Utf8JsonReader.TryGetDouble reads it, from its bytes without a reader.</summary>
    public bool TryGetDouble(out double value)
    {
        if (Utf8Parser.TryParse(Raw, out value, out var used) && used == Raw.Length)
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A stats or event value as the contract carries it: string, bool, long or double (JSON text otherwise).</summary>
    public object? ToScalar() => Type switch
    {
        JsonTokenType.String => Text(),
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number when TryGetInt64(out var l) => l,
        JsonTokenType.Number when TryGetDouble(out var d) => d,
        JsonTokenType.Null or JsonTokenType.None => null,
        _ => Encoding.UTF8.GetString(Raw),
    };

    /// <summary>As <see cref="ToScalar"/>, held without boxing.</summary>
    public StatValue ToStatValue() => Type switch
    {
        JsonTokenType.String => StatValue.Of(Text()),
        JsonTokenType.True => StatValue.Of(true),
        JsonTokenType.False => StatValue.Of(false),
        JsonTokenType.Number when TryGetInt64(out var l) => StatValue.Of(l),
        JsonTokenType.Number when TryGetDouble(out var d) => StatValue.Of(d),
        JsonTokenType.Null or JsonTokenType.None => default,
        _ => StatValue.Of(Encoding.UTF8.GetString(Raw)),
    };

    /// <summary>A number token's value as Utf8JsonReader.TryGetInt64 reads it, from its bytes without a reader.</summary>
    public bool TryGetInt64(out long value)
    {
        if (Utf8Parser.TryParse(Raw, out value, out var used) && used == Raw.Length)
        {
            return true;
        }

        value = 0;
        return false;
    }

    public override string ToString() => Encoding.UTF8.GetString(Raw);
}
