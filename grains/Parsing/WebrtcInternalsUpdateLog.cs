using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the "updateLog" array of one webrtc-internals peer connection straight from the read
/// buffer: each entry's time and type from its bytes, and its value as a JSON element only for the
/// calls and events that give ICE events. The first dated entry also gives PeerConnectionCreated.
/// </summary>
public sealed class WebrtcInternalsUpdateLog(string id, string path)
{
    private readonly ApiEventMapper mapper = new(id);
    // A log has a few types many times over.
    private readonly TextCache<(string Type, string Name)> types = new(type => (type, ApiEventNames.Normalize(type)));
    private DateTimeOffset? lastTime;
    private int index;

    /// <summary>The configuration PeerConnectionCreated carries, as far as the dump has given it yet.</summary>
    public IceConfiguration? Configuration { get; set; }

    /// <summary>True once PeerConnectionCreated was given out.</summary>
    public bool Created { get; private set; }

    /// <summary>Reads the log that <paramref name="json"/> is about to start into <paramref name="output"/>, giving out its events after each buffer.</summary>
    public IEnumerable<IceEvent> Read(JsonTokenStream json, UploadOutput output)
    {
        json.Expect(JsonTokenType.StartArray, "an array", $"{path}.updateLog");
        while (true)
        {
            var next = ReadBuffered(json, output);
            foreach (var e in EventBuffer.Drain(output))
            {
                yield return e;
            }

            if (next == WebrtcInternalsLogEntry.Next.EndOfLog)
            {
                yield break;
            }

            if (next == WebrtcInternalsLogEntry.Next.NeedMoreInput && !json.ReadMore())
            {
                throw new UploadFormatException("expected a complete JSON value, found the end of the upload");
            }
        }
    }

    // Reads entries the buffer holds whole, up to one that gave events to keep (given out before the
    // next is read), the end of the buffer or the end of the log.
    private WebrtcInternalsLogEntry.Next ReadBuffered(JsonTokenStream json, UploadOutput output)
    {
        try
        {
            while (true)
            {
                if (ScanEntries(json, output))
                {
                    return WebrtcInternalsLogEntry.Next.Entry;
                }

                var reader = json.BufferedReader();
                var next = WebrtcInternalsLogEntry.TryRead(ref reader, json.Buffered, out var entry);
                if (next == WebrtcInternalsLogEntry.Next.Entry)
                {
                    Add(entry, index++, output);
                }

                json.Advance(reader);
                if (next != WebrtcInternalsLogEntry.Next.Entry || output is EventBuffer { Events.Count: > 0 })
                {
                    return next;
                }
            }
        }
        catch (JsonException e)
        {
            throw json.Translate(e);
        }
    }

    // Reads the entries of the common shape without the reader (WebrtcInternalsLogEntryScan), up to the
    // first it leaves to the reader; true when one gave events to keep.
    private bool ScanEntries(JsonTokenStream json, UploadOutput output)
    {
        if (!json.CanScanValues(out var afterValue))
        {
            return false;
        }

        var input = json.Buffered;
        var (scanned, length, gaveEvents) = (0, 0, false);
        while (!gaveEvents && (length = WebrtcInternalsLogEntryScan.TryRead(input[scanned..], afterValue, out var entry)) > 0)
        {
            Add(entry, index++, output);
            scanned += length;
            afterValue = true;
            gaveEvents = output is EventBuffer { Events.Count: > 0 };
        }

        if (scanned > 0)
        {
            json.PassOver(scanned, inArray: true);
        }

        return gaveEvents;
    }

    private void Add(scoped in WebrtcInternalsLogEntry entry, int entryIndex, UploadOutput output)
    {
        if (entry.Kind != JsonTokenType.StartObject)
        {
            throw JsonShape.Expected("an object", EntryPath(), entry.Kind);
        }

        var time = (entry.Timestamp.IsAbsent ? entry.Time : entry.Timestamp) is { IsAbsent: false } t ? WebrtcInternalsTime.Parse(t) : null;
        time ??= lastTime;
        if (time is null)
        {
            return;
        }

        lastTime = time;
        if (!Created)
        {
            Created = true;
            output.Add(new PeerConnectionCreated(id, time.Value, Configuration));
        }

        if (entry.Type.Type is not (JsonTokenType.String or JsonTokenType.Null or JsonTokenType.None))
        {
            throw JsonShape.Expected("a string", $"{EntryPath()}.type", entry.Type.Type);
        }

        var (type, name) = entry.Type.Type == JsonTokenType.String ? types.Get(entry.Type) : ("", "");
        if (name != "setconfiguration" && !ApiEventMapper.Maps(name))
        {
            return;
        }

        using var value = entry.Value.IsAbsent ? null : JsonDocument.Parse(entry.Value.Raw.ToArray());
        var element = value?.RootElement ?? default;
        if (name == "setconfiguration")
        {
            output.Add(new ConfigurationChanged(id, time.Value, WebrtcInternalsPeerConnectionReader.Configuration(element, $"{EntryPath()}.value")));
            return;
        }

        foreach (var e in mapper.Map(time.Value, type, element, $"{EntryPath()}.value"))
        {
            output.Add(e);
        }

        string EntryPath() => $"{path}.updateLog[{entryIndex}]";
    }
}
