using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// The members of a JSON object whose values are all strings, numbers or literals, read from its
/// bytes by <see cref="JsonScan"/>'s rules: "name": value pairs up to the closing brace. Names with
/// escapes, values of any other kind and faults end it with <see cref="End"/> at -1, for the reader.
/// </summary>
public ref struct JsonScalarMembers
{
    private readonly ReadOnlySpan<byte> input;
    private int at;

    /// <summary>Over the object whose opening brace is at <paramref name="objectStart"/>.</summary>
    public JsonScalarMembers(ReadOnlySpan<byte> input, int objectStart)
    {
        this.input = input;
        at = JsonScan.Is(input, objectStart, (byte)'{') ? JsonScan.SkipSpace(input, objectStart + 1) : -1;
        if (JsonScan.Is(input, at, (byte)'}'))
        {
            End = at + 1;
            at = -1;
        }
    }

    /// <summary>Just past the closing brace, once <see cref="Next"/> has said false; -1 when the object was not read whole.</summary>
    public int End { get; private set; } = -1;

    /// <summary>Where the last member's name (with its quotes) and value lie in the input.</summary>
    public int NameStart { get; private set; }

    public int NameEnd { get; private set; }

    public int ValueStart { get; private set; }

    public int ValueEnd { get; private set; }

    public JsonTokenType ValueType { get; private set; }

    public readonly JsonToken Name => new(JsonTokenType.PropertyName, input[NameStart..NameEnd]);

    public readonly JsonToken Value => new(ValueType, input[ValueStart..ValueEnd]);

    /// <summary>Moves to the next member; false at the end of the object or where reading it stopped.</summary>
    public bool Next()
    {
        if (at < 0)
        {
            return false;
        }

        var nameEnd = JsonScan.StringEnd(input, at, out var escaped);
        var colon = JsonScan.SkipSpace(input, nameEnd);
        if (nameEnd < 0 || escaped || !JsonScan.Is(input, colon, (byte)':'))
        {
            return Stop();
        }

        var valueStart = JsonScan.SkipSpace(input, colon + 1);
        var valueEnd = JsonScan.ScalarEnd(input, valueStart, out var type);
        if (valueEnd < 0)
        {
            return Stop();
        }

        (NameStart, NameEnd, ValueStart, ValueEnd, ValueType) = (at, nameEnd, valueStart, valueEnd, type);
        at = JsonScan.SkipSpace(input, valueEnd);
        if (JsonScan.Is(input, at, (byte)'}'))
        {
            End = at + 1;
            at = -1;
        }
        else
        {
            at = JsonScan.Is(input, at, (byte)',') ? JsonScan.SkipSpace(input, at + 1) : -1;
        }

        return true;
    }

    private bool Stop()
    {
        End = -1;
        at = -1;
        return false;
    }
}
