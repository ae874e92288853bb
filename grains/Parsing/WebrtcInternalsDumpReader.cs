using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads a chrome://webrtc-internals dump ({ "getUserMedia": [...], "PeerConnections": { id: {...} },
/// "UserAgent": ... }) one peer connection, one update-log entry and one stats series at a time.
/// Peer connections are independent objects: with several readers, each is read whole on its own
/// thread (one larger than <see cref="ReadAhead.MaxPartBytes"/> in place) and their events come
/// out in the dump's order, as from one reader.
/// </summary>
public static class WebrtcInternalsDumpReader
{
    public static IEnumerable<IceEvent> Read(Stream stream) => Read(stream, StatsFilter.All);

    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter, int readers = 1) =>
        Read(stream, filter, readers, () => new EventBuffer());

    /// <summary>
    /// Reads the dump into outputs made by <paramref name="outputs"/> (one per peer connection read
    /// on another thread), giving out the events they keep.
    /// </summary>
    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter, int readers, Func<UploadOutput> outputs)
    {
        var output = outputs();
        var json = new JsonTokenStream(stream);
        json.Expect(JsonTokenType.StartObject, "a JSON object", "the start of the webrtc-internals dump");
        var sawPeerConnections = false;
        var ids = new List<string>();
        DateTimeOffset? dumpedAt = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.Text == "timestamp")
            {
                var value = json.ReadValue();
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var ms) && ms is > 0 and < 1e14)
                {
                    dumpedAt = DateTimeOffset.UnixEpoch.AddMilliseconds(ms);
                }
                continue;
            }

            if (json.Text != "PeerConnections")
            {
                json.SkipValue();
                continue;
            }

            sawPeerConnections = true;
            json.Expect(JsonTokenType.StartObject, "an object", "PeerConnections");
            var peerConnections = readers > 1
                ? ReadInParallel(json, new Parts(filter, ids, new ReadAhead(readers), outputs), output)
                : ReadOneByOne(json, filter, ids, output);
            foreach (var e in peerConnections)
            {
                yield return e;
            }
        }

        if (!sawPeerConnections)
        {
            throw new UploadFormatException("expected a \"PeerConnections\" object at the top level of the webrtc-internals dump");
        }

        // The dump's own time (M1xx+): the peer connections were still being watched then.
        if (dumpedAt is { } end)
        {
            foreach (var id in ids)
            {
                output.Add(new RecordingEnded(id, end));
            }

            foreach (var e in EventBuffer.Drain(output))
            {
                yield return e;
            }
        }
    }

    private static IEnumerable<IceEvent> ReadOneByOne(JsonTokenStream json, StatsFilter filter, List<string> ids, UploadOutput output)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            ids.Add(json.Text!);
            foreach (var e in WebrtcInternalsPeerConnectionReader.Read(json, json.Text!, filter, output))
            {
                yield return e;
            }
        }
    }

    private static IEnumerable<IceEvent> ReadInParallel(JsonTokenStream json, Parts parts, UploadOutput output)
    {
        while (true)
        {
            bool more;
            string? tooLarge = null;
            try
            {
                more = parts.QueueNext(json, out tooLarge);
            }
            catch (Exception e)
            {
                parts.Ahead.Fail(e);
                more = false;
            }

            while (parts.Ahead.Full || (parts.Ahead.Pending && (!more || tooLarge is not null)))
            {
                foreach (var e in parts.Ahead.Next())
                {
                    yield return e;
                }
            }

            if (tooLarge is not null)
            {
                foreach (var e in WebrtcInternalsPeerConnectionReader.Read(json, tooLarge, parts.Filter, output))
                {
                    yield return e;
                }
            }

            if (!more)
            {
                yield break;
            }
        }
    }

    // Hands peer connections to other threads, each read whole into an output of its own. Two of one
    // id (which one reader would fold into one peer connection) are read one after the other.
    private sealed class Parts(StatsFilter filter, List<string> ids, ReadAhead ahead, Func<UploadOutput> outputs)
    {
        // A peer connection stands in "PeerConnections" in the dump's object.
        private const int EnclosingObjects = 2;

        private readonly Dictionary<string, ReadAheadPart> lastOfId = new(StringComparer.Ordinal);

        public StatsFilter Filter => filter;

        public ReadAhead Ahead => ahead;

        // Queues the next peer connection; false at the end of "PeerConnections". One too large to
        // hand over is left unread, its id in tooLarge.
        public bool QueueNext(JsonTokenStream json, out string? tooLarge)
        {
            tooLarge = null;
            if (!json.Read() || json.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            var id = json.Text!;
            ids.Add(id);
            if (!json.TryScanWhole(ReadAhead.MaxPartBytes, EnclosingObjects, out var value, out var at))
            {
                // Too large to hand over, cut off, or brackets that do not pair: read here, where a fault is found as by one reader.
                tooLarge = id;
                return true;
            }

            var bytes = PartBuffers.Rent(value.Length);
            value.CopyTo(bytes);
            var length = value.Length;
            var output = outputs();
            lastOfId[id] = ahead.Queue(() => ReadWhole(bytes, length, at, id, output), length, lastOfId.GetValueOrDefault(id));
            return true;
        }

        // Read as where it stands in the dump, so a fault in it reads as from one reader.
        private List<IceEvent> ReadWhole(byte[] bytes, int length, JsonTextPosition at, string id, UploadOutput output)
        {
            try
            {
                return [.. WebrtcInternalsPeerConnectionReader.Read(new JsonTokenStream(bytes, length, at, EnclosingObjects), id, filter, output)];
            }
            finally
            {
                PartBuffers.Return(bytes);
            }
        }
    }
}
