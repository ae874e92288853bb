using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads an rtcstats dump: the line "RTCStatsDump", a JSON metadata object, then one JSON array
/// per line, [method, peerConnectionId, value, ...extra, timeDelta], where timeDelta counts from
/// the previous line (the first from the epoch). Read one line at a time. With several readers,
/// the lines are dated in order here and gathered per peer connection (by a hash of its id) into
/// batches that are read on other threads; each peer connection's events keep their order.
/// </summary>
public static class RtcStatsDumpReader
{
    public const string Magic = "RTCStatsDump";

    public static IEnumerable<IceEvent> Read(Stream stream) => Read(stream, StatsFilter.All);

    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter, int readers = 1) =>
        Read(stream, filter, readers, () => new EventBuffer());

    /// <summary>
    /// Reads the dump into outputs made by <paramref name="outputs"/> (one per batch of lines read on
    /// another thread), giving out the events they keep.
    /// </summary>
    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter, int readers, Func<UploadOutput> outputs)
    {
        var lines = new Utf8LineReader(stream);
        ReadHeader(lines);
        var clock = new RtcStatsClock();
        var output = outputs();
        var lineReaders = Enumerable.Range(0, readers).Select(_ => new RtcStatsLineReader(filter)).ToArray();
        var events = readers > 1 ? ReadInParallel(new LineGatherer(lines, clock, lineReaders, outputs)) : ReadOneByOne(lines, clock, lineReaders[0], output);
        foreach (var e in events)
        {
            yield return e;
        }

        var end = EpochTime.FromMilliseconds(clock.LastMs, "the last rtcstats line");
        foreach (var id in lineReaders.SelectMany(r => r.PeerConnectionIds))
        {
            output.Add(new RecordingEnded(id, end));
        }

        foreach (var e in EventBuffer.Drain(output))
        {
            yield return e;
        }
    }

    private static IEnumerable<IceEvent> ReadOneByOne(Utf8LineReader lines, RtcStatsClock clock, RtcStatsLineReader reader, UploadOutput output)
    {
        for (var number = 3; lines.TryReadLine(out var line); number++)
        {
            reader.Read(line, number, clock.Advance(line, number), output);
            if (output is EventBuffer { Events.Count: > 0 })
            {
                foreach (var e in EventBuffer.Drain(output))
                {
                    yield return e;
                }
            }
        }
    }

    private static IEnumerable<IceEvent> ReadInParallel(LineGatherer gatherer)
    {
        while (true)
        {
            bool more;
            try
            {
                more = gatherer.QueueNextBatch();
            }
            catch (Exception e)
            {
                gatherer.Ahead.Fail(e);
                more = false;
            }

            while (gatherer.Ahead.Full || (!more && gatherer.Ahead.Pending))
            {
                foreach (var e in gatherer.Ahead.Next())
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

    // Dates each line, puts it in the batch of its peer connection's reader, and queues a batch
    // once it is large enough; a reader's batches run one after the other.
    private sealed class LineGatherer(Utf8LineReader lines, RtcStatsClock clock, RtcStatsLineReader[] readers, Func<UploadOutput> outputs)
    {
        private readonly RtcStatsLineBatch[] batches = [.. readers.Select(_ => new RtcStatsLineBatch())];
        private readonly ReadAheadPart?[] lastQueued = new ReadAheadPart?[readers.Length];
        private byte[] scratch = new byte[256];
        private int number = 2;

        public ReadAhead Ahead { get; } = new(readers.Length);

        // Queues one batch; false (having queued every batch left) at the end of the dump.
        public bool QueueNextBatch()
        {
            while (lines.TryReadLine(out var line))
            {
                number++;
                var time = clock.Advance(line, number);
                var reader = RtcStatsLineHead.Partition(line, readers.Length, ref scratch);
                batches[reader].Add(line, number, time);
                if (batches[reader].Length >= RtcStatsLineBatch.TargetBytes)
                {
                    Queue(reader);
                    return true;
                }
            }

            for (var reader = 0; reader < readers.Length; reader++)
            {
                Queue(reader);
            }

            return false;
        }

        private void Queue(int reader)
        {
            var batch = batches[reader];
            var lineReader = readers[reader];
            var output = outputs();
            lastQueued[reader] = Ahead.Queue(() => batch.ReadWith(lineReader, output), batch.Length, lastQueued[reader]);
            batches[reader] = new RtcStatsLineBatch();
        }
    }
}
