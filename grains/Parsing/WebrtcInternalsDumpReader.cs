using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads a chrome://webrtc-internals dump ({ "getUserMedia": [...], "PeerConnections": { id: {...} },
/// "UserAgent": ... }) one peer connection, one update-log entry and one stats series at a time.
/// </summary>
public static class WebrtcInternalsDumpReader
{
    public static IEnumerable<IceEvent> Read(Stream stream)
    {
        var json = new JsonTokenStream(stream);
        json.Expect(JsonTokenType.StartObject, "a JSON object", "the start of the webrtc-internals dump");
        var sawPeerConnections = false;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.Text != "PeerConnections")
            {
                json.SkipValue();
                continue;
            }

            sawPeerConnections = true;
            json.Expect(JsonTokenType.StartObject, "an object", "PeerConnections");
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                foreach (var e in WebrtcInternalsPeerConnectionReader.Read(json, json.Text!))
                {
                    yield return e;
                }
            }
        }

        if (!sawPeerConnections)
        {
            throw new UploadFormatException("expected a \"PeerConnections\" object at the top level of the webrtc-internals dump");
        }
    }
}
