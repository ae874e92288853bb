using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads a chrome://webrtc-internals dump ({ "getUserMedia": [...], "PeerConnections": { id: {...} },
/// "UserAgent": ... }) one peer connection, one update-log entry and one stats series at a time.
/// </summary>
public static class WebrtcInternalsDumpReader
{
    public static IEnumerable<IceEvent> Read(Stream stream) => Read(stream, StatsFilter.All);

    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter)
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
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                ids.Add(json.Text!);
                foreach (var e in WebrtcInternalsPeerConnectionReader.Read(json, json.Text!, filter))
                {
                    yield return e;
                }
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
}
