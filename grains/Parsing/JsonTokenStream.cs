using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Walks a JSON document token by token from a stream over a refilled buffer, so a large dump is
/// read with memory bounded by its largest single value, not its size. Values that are read as a
/// whole (one update-log entry, one stats series) come back as detached <see cref="JsonElement"/>s.
/// </summary>
public sealed class JsonTokenStream
{
    private readonly Stream stream;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfStream;
    private JsonReaderState state = new(JsonTextPlace.Options);
    private readonly JsonTextPlace place = new();

    public JsonTokenStream(Stream stream)
    {
        this.stream = stream;
        buffer = new byte[64 * 1024];
    }

    /// <summary>Over bytes already in memory (the first <paramref name="length"/> of <paramref name="bytes"/>), read in place.</summary>
    public JsonTokenStream(byte[] bytes, int length)
    {
        stream = Stream.Null;
        buffer = bytes;
        end = length;
        endOfStream = true;
    }

    /// <summary>
    /// Over a value cut out of a larger text by <see cref="TryScanWhole"/>: read as at <paramref name="at"/>
    /// in that text, inside <paramref name="enclosingObjects"/> objects, so limits and error positions are the same.
    /// </summary>
    public JsonTokenStream(byte[] bytes, int length, JsonTextPosition at, int enclosingObjects) : this(bytes, length)
    {
        state = place.StartValueAt(at, enclosingObjects);
    }

    /// <summary>Where the next unread byte stands in the whole text.</summary>
    public JsonTextPosition Position => place.Position;

    public JsonTokenType TokenType { get; private set; } = JsonTokenType.None;

    /// <summary>The property name or string value of the current token.</summary>
    public string? Text { get; private set; }

    /// <summary>Reads the next token; false at the end of the document.</summary>
    public bool Read()
    {
        try
        {
            return ReadToken();
        }
        catch (JsonException e) when (place.Moved)
        {
            throw Translate(e);
        }
    }

    private bool ReadToken()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), endOfStream, state);
            var read = reader.Read();
            if (read)
            {
                TokenType = reader.TokenType;
                Text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
            }

            Consume((int)reader.BytesConsumed);
            state = reader.CurrentState;
            if (read || endOfStream)
            {
                return read;
            }

            Fill();
        }
    }

    /// <summary>The bytes read but not yet consumed; valid until the next read.</summary>
    public ReadOnlySpan<byte> Buffered => buffer.AsSpan(start, end - start);

    /// <summary>A reader over <see cref="Buffered"/> from where this stream stands; hand it back with <see cref="Advance"/>.</summary>
    public Utf8JsonReader BufferedReader() => new(Buffered, endOfStream, state);

    /// <summary>Moves past what a reader from <see cref="BufferedReader"/> consumed.</summary>
    public void Advance(scoped in Utf8JsonReader reader)
    {
        Consume((int)reader.BytesConsumed);
        state = reader.CurrentState;
    }

    /// <summary>
    /// Where values of the object or array the stream stands in may be read by other means than the reader:
    /// true, with whether one was read already (then a comma comes first), unless objects of scalars there
    /// would go past the depth limit.
    /// </summary>
    public bool CanScanValues(out bool afterValue)
    {
        var (depth, opened) = Container();
        afterValue = !opened;
        return depth + 2 < UploadLimits.MaxJsonDepth;
    }

    /// <summary>
    /// Moves past <paramref name="count"/> bytes read by other means than the reader: whole values of the object
    /// (or, <paramref name="inArray"/>, array inside objects) the stream stands in, the last of them just ended.
    /// </summary>
    public void PassOver(int count, bool inArray)
    {
        var depth = Container().Depth;
        Consume(count);
        state = place.AfterValue(inArray ? depth - 1 : depth, inArray);
    }

    // The depth of the object or array the stream stands in, and whether it was just opened.
    private (int Depth, bool Opened) Container()
    {
        var reader = BufferedReader();
        var opened = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        return (opened ? reader.CurrentDepth + 1 : reader.CurrentDepth, opened);
    }

    /// <summary>Reads more of the stream into the buffer (growing it when it is full); false at its end.</summary>
    public bool ReadMore()
    {
        if (endOfStream)
        {
            return false;
        }

        Fill();
        return true;
    }

    /// <summary>Reads the next value (after a property name, or an array element) as a whole.</summary>
    public JsonElement ReadValue()
    {
        ReadValueCore(materialize: true, out var element);
        return element;
    }

    /// <summary>Passes over the next value without keeping it.</summary>
    public void SkipValue() => ReadValueCore(materialize: false, out _);

    /// <summary>Inside an array: reads the next element as a whole, or the array's end (then false).</summary>
    public bool TryReadElement(out JsonElement element) => ReadValueCore(materialize: true, out element);

    /// <summary>
    /// The next value, when it is an object or array inside <paramref name="enclosingObjects"/> objects of at
    /// most <paramref name="maxBytes"/>, found by its brackets and strings alone (its bytes are not checked: whoever
    /// reads them does) and passed over; valid until the next read. Otherwise false with nothing consumed, so the
    /// value can still be read token by token, which finds any fault where it lies.
    /// </summary>
    public bool TryScanWhole(int maxBytes, int enclosingObjects, out ReadOnlySpan<byte> value, out JsonTextPosition at)
    {
        var scan = new JsonValueEnd();
        while (true)
        {
            switch (scan.Scan(buffer.AsSpan(start, end - start)))
            {
                case JsonValueEnd.Result.Found when scan.ValueStart + scan.Length <= maxBytes:
                    Consume(scan.ValueStart);
                    at = Position;
                    value = buffer.AsSpan(start, scan.Length);
                    Consume(scan.Length);
                    state = place.AfterValue(enclosingObjects, inArray: false);
                    TokenType = JsonTokenType.EndObject;
                    Text = null;
                    return true;
                case JsonValueEnd.Result.NeedMore when !endOfStream && end - start < maxBytes:
                    Fill();
                    break;
                default:
                    value = default;
                    at = default;
                    return false;
            }
        }
    }

    /// <summary>
    /// The failure as it would read had the whole text been read by one reader: lines and bytes
    /// counted from the start of the text. Reads through <see cref="BufferedReader"/> need this.
    /// </summary>
    public JsonException Translate(JsonException e) => place.Translate(e);

    /// <summary>Reads the next token and fails unless it is the one expected.</summary>
    public void Expect(JsonTokenType type, string what, string path)
    {
        if (!Read() || TokenType != type)
        {
            throw new UploadFormatException($"expected {what} at {path}");
        }
    }

    private bool ReadValueCore(bool materialize, out JsonElement element)
    {
        try
        {
            return ReadValue(materialize, out element);
        }
        catch (JsonException e) when (place.Moved)
        {
            throw Translate(e);
        }
    }

    private bool ReadValue(bool materialize, out JsonElement element)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), endOfStream, state);
            var read = reader.Read();
            var tokenStart = read ? (int)reader.TokenStartIndex : 0;
            if (read && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                TokenType = reader.TokenType;
                Text = null;
                Consume((int)reader.BytesConsumed);
                state = reader.CurrentState;
                element = default;
                return false;
            }

            if (read && (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip()))
            {
                var length = (int)reader.BytesConsumed - tokenStart;
                element = default;
                if (materialize)
                {
                    using var doc = JsonDocument.Parse(buffer.AsMemory(start + tokenStart, length));
                    element = doc.RootElement.Clone();
                }

                TokenType = reader.TokenType;
                Text = null;
                Consume((int)reader.BytesConsumed);
                state = reader.CurrentState;
                return true;
            }

            if (endOfStream)
            {
                throw new UploadFormatException("expected a complete JSON value, found the end of the upload");
            }

            Fill();
        }
    }

    private void Consume(int count)
    {
        place.Pass(buffer.AsSpan(start, count));
        start += count;
    }

    private void Fill()
    {
        // Room is made at the front only once the back is full, so each byte moves at most once.
        if (end == buffer.Length && start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        else if (end == buffer.Length)
        {
            if (buffer.Length >= UploadLimits.MaxValueBytes)
            {
                throw new UploadFormatException($"expected no single JSON value larger than {UploadLimits.MaxValueBytes / (1024 * 1024)} MB");
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        endOfStream = read == 0;
        end += read;
    }
}
