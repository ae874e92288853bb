using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads an rtcstats dump: the line "RTCStatsDump", a JSON metadata object, then one JSON array
/// per line, [method, peerConnectionId, value, ...extra, timeDelta], where timeDelta counts from
/// the previous line (the first from the epoch). Read one line at a time.
/// </summary>
public static class RtcStatsDumpReader
{
    public const string Magic = "RTCStatsDump";

    public static IEnumerable<IceEvent> Read(Stream stream) => Read(stream, StatsFilter.All);

    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter)
    {
        var lines = new Utf8LineReader(stream);
        ReadHeader(lines);
        var reader = new RtcStatsLineReader(lines, filter);
        var events = new List<IceEvent>();
        while (reader.ReadLine(events))
        {
            foreach (var e in events)
            {
                yield return e;
            }

            events.Clear();
        }

        var end = EpochTime.FromMilliseconds(reader.LastMs, "the last rtcstats line");
        foreach (var id in reader.PeerConnectionIds)
        {
            yield return new RecordingEnded(id, end);
        }
    }

    private static void ReadHeader(Utf8LineReader lines)
    {
        if (!lines.TryReadLine(out var magic) || !magic.Trim(" \t\r\n"u8).SequenceEqual(RtcStatsMagic))
        {
            throw new UploadFormatException($"expected \"{Magic}\" at line 1 of the rtcstats dump");
        }

        var metadata = lines.TryReadLine(out var line) ? line.ToArray() : [];
        try
        {
            using var doc = JsonDocument.Parse(metadata, new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw JsonShape.Expected("a JSON object of metadata", "line 2 of the rtcstats dump", doc.RootElement);
            }
        }
        catch (JsonException e)
        {
            throw new UploadFormatException($"expected one JSON value at line 2 of the rtcstats dump: {e.Message}", e);
        }
    }

    private static ReadOnlySpan<byte> RtcStatsMagic => "RTCStatsDump"u8;
}
