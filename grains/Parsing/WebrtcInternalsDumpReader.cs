using System.Buffers;
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

    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter, int readers = 1)
    {
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
            var peerConnections = readers > 1 ? ReadInParallel(json, filter, ids, new ReadAhead(readers)) : ReadOneByOne(json, filter, ids);
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
                yield return new RecordingEnded(id, end);
            }
        }
    }

    private static IEnumerable<IceEvent> ReadOneByOne(JsonTokenStream json, StatsFilter filter, List<string> ids)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            ids.Add(json.Text!);
            foreach (var e in WebrtcInternalsPeerConnectionReader.Read(json, json.Text!, filter))
            {
                yield return e;
            }
        }
    }

    private static IEnumerable<IceEvent> ReadInParallel(JsonTokenStream json, StatsFilter filter, List<string> ids, ReadAhead ahead)
    {
        while (true)
        {
            bool more;
            string? tooLarge = null;
            try
            {
                more = QueueNext(json, filter, ids, ahead, out tooLarge);
            }
            catch (Exception e)
            {
                ahead.Fail(e);
                more = false;
            }

            while (ahead.Full || (ahead.Pending && (!more || tooLarge is not null)))
            {
                foreach (var e in ahead.Next())
                {
                    yield return e;
                }
            }

            if (tooLarge is not null)
            {
                foreach (var e in WebrtcInternalsPeerConnectionReader.Read(json, tooLarge, filter))
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

    // Queues the next peer connection; false at the end of "PeerConnections". One too large to
    // hand over is left unread, its id in tooLarge.
    private static bool QueueNext(JsonTokenStream json, StatsFilter filter, List<string> ids, ReadAhead ahead, out string? tooLarge)
    {
        tooLarge = null;
        if (!json.Read() || json.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        var id = json.Text!;
        ids.Add(id);
        if (!json.TryReadWhole(ReadAhead.MaxPartBytes, out var value))
        {
            tooLarge = id;
            return true;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(value.Length);
        value.CopyTo(bytes);
        var length = value.Length;
        ahead.Queue(() => ReadWhole(bytes, length, id, filter), length);
        return true;
    }

    // The bytes were read whole by the splitter, so they are valid JSON: what can fail here is their shape.
    private static List<IceEvent> ReadWhole(byte[] bytes, int length, string id, StatsFilter filter)
    {
        try
        {
            return [.. WebrtcInternalsPeerConnectionReader.Read(new JsonTokenStream(bytes, length), id, filter)];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
