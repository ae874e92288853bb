using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Where a <see cref="JsonTokenStream"/> stands in the whole text, counted as Utf8JsonReader counts
/// (lines and bytes into the line), and how its reader's own count maps to it. A reader whose state
/// was rebuilt from a few bytes of stand-in text (after a value passed over unread, or over a value
/// cut out of a larger text) counts from the stand-in: its errors are moved to where they lie.
/// </summary>
internal sealed class JsonTextPlace
{
    private long line;
    private long byteInLine;
    private (long Line, long ByteInLine, int StandIn) origin;

    // The last state AfterValue made: the same every time for one depth, and a reader passes values at one depth.
    private ((int EnclosingObjects, bool InArray) Place, JsonReaderState State, int StandIn)? afterValue;

    public static JsonReaderOptions Options => new() { MaxDepth = UploadLimits.MaxJsonDepth };

    public JsonTextPosition Position => new(line, byteInLine);

    /// <summary>True once the reader's count no longer starts at the start of the text.</summary>
    public bool Moved => origin != default;

    /// <summary>Moves past bytes the reader consumed (or that were passed over).</summary>
    public void Pass(ReadOnlySpan<byte> consumed)
    {
        var lastNewline = consumed.LastIndexOf((byte)'\n');
        if (lastNewline < 0)
        {
            byteInLine += consumed.Length;
            return;
        }

        line += consumed.Count((byte)'\n');
        byteInLine = consumed.Length - 1 - lastNewline;
    }

    /// <summary>A reader state as at <paramref name="at"/>, about to read a value inside <paramref name="enclosingObjects"/> objects.</summary>
    public JsonReaderState StartValueAt(JsonTextPosition at, int enclosingObjects)
    {
        (line, byteInLine) = (at.Line, at.ByteInLine);
        return Restart(Repeat("{\"\":"u8, enclosingObjects));
    }

    /// <summary>
    /// A reader state as just after a value inside <paramref name="enclosingObjects"/> objects, at the current
    /// position; with <paramref name="inArray"/>, after an element of an array inside that many objects.
    /// </summary>
    public JsonReaderState AfterValue(int enclosingObjects, bool inArray)
    {
        if (afterValue is not { } known || known.Place != (enclosingObjects, inArray))
        {
            var state = Restart([.. Repeat("{\"\":"u8, enclosingObjects), .. inArray ? "[{}"u8 : "{}"u8]);
            afterValue = known = ((enclosingObjects, inArray), state, origin.StandIn);
        }

        origin = (line, byteInLine, known.StandIn);
        return known.State;
    }

    /// <summary>The failure with the line and byte where it lies in the whole text.</summary>
    public JsonException Translate(JsonException e)
    {
        if (!Moved || e.LineNumber is not { } readerLine || e.BytePositionInLine is not { } readerByte)
        {
            return e;
        }

        return new JsonException(e.Message, e.Path, origin.Line + readerLine,
            readerLine == 0 ? origin.ByteInLine + readerByte - origin.StandIn : readerByte, e);
    }

    // A reader state as after the stand-in text, which the reader counts from.
    private JsonReaderState Restart(ReadOnlySpan<byte> standIn)
    {
        var reader = new Utf8JsonReader(standIn, isFinalBlock: false, new JsonReaderState(Options));
        while (reader.Read())
        {
        }

        origin = (line, byteInLine, (int)reader.BytesConsumed);
        return reader.CurrentState;
    }

    private static byte[] Repeat(ReadOnlySpan<byte> text, int times)
    {
        var repeated = new byte[text.Length * times];
        for (var i = 0; i < times; i++)
        {
            text.CopyTo(repeated.AsSpan(i * text.Length));
        }

        return repeated;
    }
}
