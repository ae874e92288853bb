using System.Text.Json;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads the "stats" object of one webrtc-internals peer connection: as many whole series as the
/// read buffer holds, straight from its bytes, then more input. Most of a dump's bytes are here.
/// </summary>
public static class WebrtcInternalsStatsReader
{
    /// <summary>Reads the stats object that <paramref name="json"/> is about to start into <paramref name="output"/>, giving out its events after each buffer.</summary>
    public static IEnumerable<IceEvent> Read(JsonTokenStream json, WebrtcInternalsStatsSeries series, string path, UploadOutput output)
    {
        json.Expect(JsonTokenType.StartObject, "an object", $"{path}.stats");
        while (ReadBuffered(json, series, path, output))
        {
            foreach (var e in EventBuffer.Drain(output))
            {
                yield return e;
            }

            if (!json.ReadMore())
            {
                throw new UploadFormatException("expected a complete JSON value, found the end of the upload");
            }
        }

        series.Flush(output);
        foreach (var e in EventBuffer.Drain(output))
        {
            yield return e;
        }
    }

    // Reads the series the buffer holds whole; true when more input is needed, false at the end of the stats.
    private static bool ReadBuffered(JsonTokenStream json, WebrtcInternalsStatsSeries series, string path, UploadOutput output)
    {
        try
        {
            return ReadSeries(json, series, path, output);
        }
        catch (JsonException e)
        {
            throw json.Translate(e);
        }
    }

    private static bool ReadSeries(JsonTokenStream json, WebrtcInternalsStatsSeries series, string path, UploadOutput output)
    {
        while (true)
        {
            ScanSeries(json, series, path, output);
            var reader = json.BufferedReader();
            var next = WebrtcInternalsSeriesText.TryRead(ref reader, json.Buffered, out var text);
            if (next == WebrtcInternalsSeriesText.Next.Series)
            {
                series.Add(text, path, output);
            }

            json.Advance(reader);
            if (next != WebrtcInternalsSeriesText.Next.Series)
            {
                return next == WebrtcInternalsSeriesText.Next.NeedMoreInput;
            }
        }
    }

    // Reads the series of the common shape without the reader (WebrtcInternalsSeriesScan), up to the first it leaves to the reader.
    private static void ScanSeries(JsonTokenStream json, WebrtcInternalsStatsSeries series, string path, UploadOutput output)
    {
        if (!json.CanScanValues(out var afterValue))
        {
            return;
        }

        var input = json.Buffered;
        var scanned = 0;
        int length;
        while ((length = WebrtcInternalsSeriesScan.TryRead(input[scanned..], afterValue, out var text)) > 0)
        {
            series.Add(text, path, output);
            scanned += length;
            afterValue = true;
        }

        if (scanned > 0)
        {
            json.PassOver(scanned, inArray: false);
        }
    }
}
