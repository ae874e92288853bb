using System.IO.Compression;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// The way in for every upload: gunzips when needed, tells the format, and reads it into the
/// normalized ICE event stream. Unreadable input fails with an <see cref="UploadFormatException"/>.
/// </summary>
public static class UploadReader
{
    /// <summary>The format of an upload from its first bytes (after gunzip).</summary>
    public static UploadFormat Detect(ReadOnlySpan<byte> head) => UploadSniffer.Detect(head);

    /// <summary>
    /// The upload's events, read lazily. For dumps, each peer connection starts with
    /// PeerConnectionCreated; for SDK reports, each report starts with ReportStarted.
    /// </summary>
    public static IEnumerable<IceEvent> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(() => ReadUnguarded(stream));
    }

    /// <summary>Reads the whole upload, as the API does before accepting it, and stops at the first quota it exceeds.</summary>
    public static UploadSummary Validate(Stream stream, UploadQuota? quota = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        quota ??= UploadQuota.Unlimited;
        try
        {
            var (format, input) = Open(stream);
            var batch = format == UploadFormat.SdkReport ? SdkReportReader.Read(input) : null;
            var evidence = new PeerConnectionEvidence();
            long events = 0, stats = 0;
            foreach (var e in evidence.Filter(Counted(batch?.Events ?? Events(format, input), quota.MaxEvents)))
            {
                events++;
                if (e is StatsObserved && ++stats > quota.MaxStatsObjects) throw new UploadQuotaExceededException("stats objects", quota.MaxStatsObjects);
                if (evidence.PeerConnections > quota.MaxPeerConnections) throw new UploadQuotaExceededException("peer connections", quota.MaxPeerConnections);
            }

            return new UploadSummary(format, batch?.SessionId, batch?.Region, evidence.PeerConnections, events, evidence.EmptyEntries, stats);
        }
        catch (Exception e) when (UploadErrors.Translate(e, "upload") is { } translated && translated != e)
        {
            throw translated;
        }
    }

    private static IEnumerable<IceEvent> ReadUnguarded(Stream stream)
    {
        var (format, input) = Open(stream);
        return new PeerConnectionEvidence().Filter(format == UploadFormat.SdkReport ? SdkReportReader.Read(input).Events : Events(format, input));
    }

    private static IEnumerable<IceEvent> Counted(IEnumerable<IceEvent> events, long max)
    {
        long read = 0;
        foreach (var e in events)
        {
            if (++read > max) throw new UploadQuotaExceededException("events", max);
            yield return e;
        }
    }

    private static IEnumerable<IceEvent> Events(UploadFormat format, Stream input) => format switch
    {
        UploadFormat.WebrtcInternalsDump => WebrtcInternalsDumpReader.Read(input),
        UploadFormat.RtcStatsDump => RtcStatsDumpReader.Read(input),
        _ => throw new InvalidOperationException($"no reader for {format}"),
    };

    private static (UploadFormat Format, Stream Input) Open(Stream stream)
    {
        var peeked = PeekedStream.Peek(stream, 2, out var magic);
        Stream input = magic.Length == 2 && magic.Span[0] == 0x1f && magic.Span[1] == 0x8b
            ? new GZipStream(peeked, CompressionMode.Decompress, leaveOpen: true)
            : peeked;

        var sniffed = PeekedStream.Peek(input, UploadLimits.SniffBytes, out var head);
        var format = UploadSniffer.Detect(head.Span);
        if (format == UploadFormat.Unknown)
        {
            throw new UploadFormatException(head.IsEmpty
                ? "expected a webrtc-internals dump, an rtcstats dump or an SDK report, found an empty upload"
                : "expected a webrtc-internals dump (a JSON object with \"PeerConnections\"), an rtcstats dump "
                  + "(first line \"RTCStatsDump\") or an SDK report (a JSON object with \"reports\") at the start of the upload");
        }

        if (head.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            sniffed.SkipHead(3);
        }

        return (format, sniffed);
    }

    // Iterators cannot catch around yield, so failures are translated one step at a time.
    private static IEnumerable<IceEvent> Guard(Func<IEnumerable<IceEvent>> events)
    {
        IEnumerator<IceEvent> enumerator;
        try
        {
            enumerator = events().GetEnumerator();
        }
        catch (Exception e) when (UploadErrors.Translate(e, "upload") is { } translated && translated != e)
        {
            throw translated;
        }

        using (enumerator)
        {
            while (true)
            {
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (UploadErrors.Translate(e, "upload") is { } translated && translated != e)
                {
                    throw translated;
                }

                yield return enumerator.Current;
            }
        }
    }
}
