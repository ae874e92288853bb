using System.Text.Json;
using System.Text.RegularExpressions;
using IceWatch.Grains.Events;

namespace IceWatch.Grains.Parsing;

/// <summary>
/// Reads an SDK report batch (docs/sdk-report-format.md). The whole document is checked before
/// any event is given out, so a batch is either readable as a whole or refused as a whole.
/// </summary>
public static partial class SdkReportReader
{
    private const int MaxUserAgent = 512;

    public static SdkReportBatch Read(Stream stream) => Read(stream, StatsFilter.All);

    public static SdkReportBatch Read(Stream stream, StatsFilter filter)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = UploadLimits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw UploadErrors.FromJson(e, "SDK report");
        }

        using (doc)
        {
            var root = JsonShape.RequireKind(doc.RootElement, JsonValueKind.Object, "the top level of the SDK report");
            var sessionId = JsonShape.RequireString(root, "sessionId", "$");
            if (!IdPattern().IsMatch(sessionId) || sessionId.Length > 128)
            {
                throw new UploadFormatException("expected 1-128 characters of [A-Za-z0-9._:-] at $.sessionId");
            }

            var region = JsonShape.OptionalString(root, "region", "$") ?? "unknown";
            if (!IdPattern().IsMatch(region) || region.Length > 64)
            {
                throw new UploadFormatException("expected 1-64 characters of [A-Za-z0-9._:-] at $.region");
            }

            // One participant's page: its peer connection ids are its own ("pc-1" in every browser).
            var clientId = JsonShape.OptionalString(root, "clientId", "$");
            if (clientId is not null && (!IdPattern().IsMatch(clientId) || clientId.Length > 64))
            {
                throw new UploadFormatException("expected 1-64 characters of [A-Za-z0-9._:-] at $.clientId");
            }

            var userAgent = JsonShape.Optional(root, "userAgent") is { ValueKind: JsonValueKind.String } ua ? ua.GetString()! : null;
            if (userAgent is { Length: > MaxUserAgent })
            {
                userAgent = userAgent[..MaxUserAgent];
            }

            var reports = JsonShape.OptionalArray(root, "reports", "$") ?? throw JsonShape.Expected("an array", "$.reports");
            var events = new List<IceEvent>();
            var sdkPeerConnections = new Dictionary<string, SdkPeerConnection>(StringComparer.Ordinal);
            var i = 0;
            foreach (var report in reports.EnumerateArray())
            {
                var path = $"$.reports[{i++}]";
                JsonShape.RequireKind(report, JsonValueKind.Object, path);
                var pcId = JsonShape.RequireString(report, "peerConnectionId", path);
                if (pcId.Length == 0)
                {
                    throw JsonShape.Expected("a non-empty string", $"{path}.peerConnectionId");
                }

                if (clientId is not null)
                {
                    pcId = $"{clientId}/{pcId}";
                }

                if (!sdkPeerConnections.TryGetValue(pcId, out var pc))
                {
                    sdkPeerConnections[pcId] = pc = new SdkPeerConnection(pcId, filter, clientId, userAgent);
                }

                pc.Read(report, path, events);
            }

            return new SdkReportBatch(sessionId, region, sdkPeerConnections.Count, events);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
