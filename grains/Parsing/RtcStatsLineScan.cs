using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// The rest of a getStats line of an rtcstats dump, from its snapshot object on, found in its bytes
/// without Utf8JsonReader when it has the shape rtcstats writes: stats objects of scalars (or a
/// scalar, such as null for an object gone) under plain ids, then scalars to the closing bracket.
/// Nothing is applied until the whole line has scanned; anything else (another shape, a fault,
/// \u escapes, bytes above ASCII) is left to the reader, which reads it, or fails, as without this.
/// </summary>
public sealed class RtcStatsLineScan
{
    /// <summary>A token's kind and where its bytes lie in the line.</summary>
    public readonly record struct Token(JsonTokenType Type, int Start, int Length)
    {
        public JsonToken In(ReadOnlySpan<byte> line) => new(Type, line.Slice(Start, Length));
    }

    /// <summary>One property of the snapshot: a stats object (its fields are <see cref="Fields"/>[FieldsFrom..]) or a scalar.</summary>
    public readonly record struct Entry(Token Name, Token Value, int FieldsFrom, int FieldCount);

    public List<Entry> Entries { get; } = [];

    /// <summary>The fields of every stats object of the line, names and values.</summary>
    public List<(Token Name, Token Value)> Fields { get; } = [];

    /// <summary>How many elements follow the snapshot, and the last of them.</summary>
    public int ElementsAfter { get; private set; }

    public Token Last { get; private set; }

    /// <summary>True when the line from <paramref name="snapshotStart"/> (its snapshot's opening brace) to its end has the common shape.</summary>
    public bool TryScan(ReadOnlySpan<byte> line, int snapshotStart)
    {
        Entries.Clear();
        Fields.Clear();
        ElementsAfter = 0;
        Last = default;
        var at = Snapshot(line, snapshotStart);
        while (at >= 0)
        {
            at = JsonScan.SkipSpace(line, at);
            if (JsonScan.Is(line, at, (byte)']'))
            {
                return JsonScan.SkipSpace(line, at + 1) == line.Length;
            }

            if (!JsonScan.Is(line, at, (byte)','))
            {
                return false;
            }

            var start = JsonScan.SkipSpace(line, at + 1);
            at = JsonScan.ScalarEnd(line, start, out var type);
            Last = new Token(type, start, at - start);
            ElementsAfter++;
        }

        return false;
    }

    // The snapshot object whose brace is at `at`: stats objects of scalars, or scalars, under plain ids; just past its end, or -1.
    private int Snapshot(ReadOnlySpan<byte> line, int at)
    {
        if (!JsonScan.Is(line, at, (byte)'{'))
        {
            return -1;
        }

        at = JsonScan.SkipSpace(line, at + 1);
        if (JsonScan.Is(line, at, (byte)'}'))
        {
            return at + 1;
        }

        while (true)
        {
            var nameEnd = JsonScan.StringEnd(line, at, out var escaped);
            var colon = JsonScan.SkipSpace(line, nameEnd);
            if (nameEnd < 0 || escaped || !JsonScan.Is(line, colon, (byte)':'))
            {
                return -1;
            }

            var name = new Token(JsonTokenType.PropertyName, at, nameEnd - at);
            var start = JsonScan.SkipSpace(line, colon + 1);
            at = JsonScan.Is(line, start, (byte)'{') ? StatsObject(line, name, start) : Scalar(line, name, start);
            at = JsonScan.SkipSpace(line, at);
            if (JsonScan.Is(line, at, (byte)'}'))
            {
                return at + 1;
            }

            if (!JsonScan.Is(line, at, (byte)','))
            {
                return -1;
            }

            at = JsonScan.SkipSpace(line, at + 1);
        }
    }

    private int StatsObject(ReadOnlySpan<byte> line, Token name, int start)
    {
        var fieldsFrom = Fields.Count;
        var members = new JsonScalarMembers(line, start);
        while (members.Next())
        {
            Fields.Add((new Token(JsonTokenType.PropertyName, members.NameStart, members.NameEnd - members.NameStart),
                new Token(members.ValueType, members.ValueStart, members.ValueEnd - members.ValueStart)));
        }

        Entries.Add(new Entry(name, new Token(JsonTokenType.StartObject, start, members.End - start), fieldsFrom, Fields.Count - fieldsFrom));
        return members.End;
    }

    private int Scalar(ReadOnlySpan<byte> line, Token name, int start)
    {
        var end = JsonScan.ScalarEnd(line, start, out var type);
        Entries.Add(new Entry(name, new Token(type, start, end - start), 0, 0));
        return end;
    }
}
