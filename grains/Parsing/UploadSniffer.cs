using System.Text;
using System.Text.Json;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Tells the format from the first bytes of an (uncompressed) upload: the top-level keys of a
/// JSON object, read as far as the bytes go, or the rtcstats magic line.
/// </summary>
public static class UploadSniffer
{
    private static readonly byte[] RtcStatsMagic = Encoding.ASCII.GetBytes(RtcStatsDumpReader.Magic);
    private static readonly byte[] PeerConnectionsKey = Encoding.ASCII.GetBytes("\"PeerConnections\"");
    private static readonly byte[] ReportsKey = Encoding.ASCII.GetBytes("\"reports\"");

    public static UploadFormat Detect(ReadOnlySpan<byte> head)
    {
        var text = SkipBomAndWhitespace(head);
        if (text.StartsWith(RtcStatsMagic))
        {
            return UploadFormat.RtcStatsDump;
        }

        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return UploadFormat.Unknown;
        }

        var format = FromTopLevelKeys(text, out var wholeObjectSeen);
        if (format != UploadFormat.Unknown || wholeObjectSeen)
        {
            return format;
        }

        // A long first value (a big getUserMedia log) can hide the keys past the sniffed bytes.
        return text.IndexOf(PeerConnectionsKey) >= 0 ? UploadFormat.WebrtcInternalsDump
            : text.IndexOf(ReportsKey) >= 0 ? UploadFormat.SdkReport
            : UploadFormat.Unknown;
    }

    private static UploadFormat FromTopLevelKeys(ReadOnlySpan<byte> text, out bool wholeObjectSeen)
    {
        wholeObjectSeen = false;
        var reader = new Utf8JsonReader(text, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = UploadLimits.MaxJsonDepth }));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    wholeObjectSeen = true;
                    break;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    if (reader.ValueTextEquals("PeerConnections"u8))
                    {
                        return UploadFormat.WebrtcInternalsDump;
                    }

                    if (reader.ValueTextEquals("reports"u8))
                    {
                        return UploadFormat.SdkReport;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON as far as the head goes; fall back to looking for the keys.
        }

        return UploadFormat.Unknown;
    }

    private static ReadOnlySpan<byte> SkipBomAndWhitespace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        return head.TrimStart(" \t\r\n"u8);
    }
}
