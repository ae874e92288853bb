using System.Text.Json;
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
    public static IEnumerable<IceEvent> Read(Stream stream) => Read(stream, StatsFilter.All);

    /// <summary>
    /// The upload's events with only the stats values <paramref name="filter"/> keeps:
    /// <see cref="StatsFilter.Timeline"/> for a caller that folds them into a timeline, which then
    /// comes out as from every value, at a fraction of the reading.
    /// </summary>
    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter) => Read(stream, filter, readers: 1);

    /// <summary>
    /// As <see cref="Read(Stream, StatsFilter)"/>, reading a dump's peer connections on up to
    /// <paramref name="readers"/> threads at once: for a caller with cores to spare on one large dump,
    /// such as the offline diagnosis. Each peer connection's events come out in the same order as
    /// from one reader; rtcstats dumps, whose lines interleave, give them grouped in batches of lines.
    /// </summary>
    public static IEnumerable<IceEvent> Read(Stream stream, StatsFilter filter, int readers)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 1);
        GzipInput? gzip = null;
        return Guard(() => ReadUnguarded(stream, filter, readers, g => gzip = g, () => new EventBuffer()), () => gzip);
    }

    /// <summary>
    /// Reads an upload into the facts of its peer connections as folding <see cref="Read(Stream, StatsFilter, int)"/>
    /// with <see cref="StatsFilter.Timeline"/> would, building no event for a dump's stats: for a caller
    /// that wants the facts only, such as the offline diagnosis. <paramref name="fold"/> gives the facts of a
    /// peer connection (one with evidence of a call) to up to <paramref name="readers"/> threads at once and
    /// counts what was folded. Returns the events left for the caller to apply while it is enumerated: an SDK
    /// report's, whose report numbers are the session's to check; none for a dump.
    /// </summary>
    public static IEnumerable<IceEvent> ReadInto(Stream stream, UploadFold fold, int readers)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fold);
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 1);
        GzipInput? gzip = null;
        return Guard(() => ReadUnguarded(stream, StatsFilter.Timeline, readers, g => gzip = g, () => new FactsOutput(fold)), () => gzip);
    }

    /// <summary>
    /// Reads the whole upload, as the API does before accepting it, and stops at the first quota it exceeds.
    /// It reads what the silo will read (<see cref="StatsFilter.Timeline"/>): an accepted upload is one the
    /// silo can apply, and stats fields no one folds are passed over without being decoded.
    /// </summary>
    public static UploadSummary Validate(Stream stream, UploadQuota? quota = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        quota ??= UploadQuota.Unlimited;
        GzipInput? gzip = null;
        try
        {
            var (format, input) = Open(stream, g => gzip = g);
            var batch = format == UploadFormat.SdkReport ? SdkReportReader.Read(input, StatsFilter.Timeline) : null;
            var evidence = new PeerConnectionEvidence();
            long events = 0, stats = 0;
            var read = batch?.Events ?? Events(format, input, StatsFilter.Timeline, readers: 1, () => new EventBuffer());
            foreach (var e in evidence.Filter(Counted(read, quota.MaxEvents)))
            {
                events++;
                if (e is StatsObserved && ++stats > quota.MaxStatsObjects) throw new UploadQuotaExceededException("stats objects", quota.MaxStatsObjects);
                if (evidence.PeerConnections > quota.MaxPeerConnections) throw new UploadQuotaExceededException("peer connections", quota.MaxPeerConnections);
            }

            return new UploadSummary(format, batch?.SessionId, batch?.Region, evidence.PeerConnections, events, evidence.EmptyEntries, stats);
        }
        catch (Exception e) when (Translate(e, gzip) is { } translated && translated != e)
        {
            throw translated;
        }
    }

    private static IEnumerable<IceEvent> ReadUnguarded(
        Stream stream, StatsFilter filter, int readers, Action<GzipInput> gzipOpened, Func<UploadOutput> outputs)
    {
        var (format, input) = Open(stream, gzipOpened);
        return new PeerConnectionEvidence().Filter(
            format == UploadFormat.SdkReport ? SdkReportReader.Read(input, filter).Events : Events(format, input, filter, readers, outputs));
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

    private static IEnumerable<IceEvent> Events(UploadFormat format, Stream input, StatsFilter filter, int readers, Func<UploadOutput> outputs) => format switch
    {
        UploadFormat.WebrtcInternalsDump => WebrtcInternalsDumpReader.Read(input, filter, readers, outputs),
        UploadFormat.RtcStatsDump => RtcStatsDumpReader.Read(input, filter, readers, outputs),
        _ => throw new InvalidOperationException($"no reader for {format}"),
    };

    private static (UploadFormat Format, Stream Input) Open(Stream stream, Action<GzipInput> gzipOpened)
    {
        var peeked = PeekedStream.Peek(stream, 2, out var magic);
        Stream input = peeked;
        if (magic.Length == 2 && magic.Span[0] == 0x1f && magic.Span[1] == 0x8b)
        {
            var gzip = new GzipInput(peeked);
            gzipOpened(gzip);
            input = gzip;
        }

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

    // A cut-off gzip stream shows up as bad content; its trailer tells which it was.
    private static UploadFormatException? Translate(Exception e, GzipInput? gzip) =>
        e is JsonException or UploadFormatException && gzip is not null && gzip.IsCutOff()
            ? GzipTrailer.CutOff(gzip.CompressedBytes, "upload")
            : UploadErrors.Translate(e, "upload");

    // Iterators cannot catch around yield, so failures are translated one step at a time.
    private static IEnumerable<IceEvent> Guard(Func<IEnumerable<IceEvent>> events, Func<GzipInput?> gzip)
    {
        IEnumerator<IceEvent> enumerator;
        try
        {
            enumerator = events().GetEnumerator();
        }
        catch (Exception e) when (Translate(e, gzip()) is { } translated && translated != e)
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
                catch (Exception e) when (Translate(e, gzip()) is { } translated && translated != e)
                {
                    throw translated;
                }

                yield return enumerator.Current;
            }
        }
    }
}
