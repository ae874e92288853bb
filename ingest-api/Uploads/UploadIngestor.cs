using System.Security.Claims;
using IceWatch.Grains.Parsing;
using IceWatch.IngestApi.Auth;
using IceWatch.IngestApi.Clients;
using IceWatch.IngestApi.Problems;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Uploads;

/// <summary>
/// Reads, validates and durably accepts one upload for a tenant. An upload made with a publishable key
/// names the client network it came from, which bounds that network's weight in the paging rule.
/// </summary>
public sealed class UploadIngestor(
    RequestBodyReader reader, ContentInspector inspector, InboxStore inbox, DatabaseReadiness readiness, GrainHandoff handoff, ClientIdentity clients)
{
    public async Task<(AcceptResult Result, UploadSummary Summary)> DumpAsync(
        HttpRequest request, Guid tenantId, string sessionId, string region, CancellationToken ct)
    {
        using var body = await reader.ReadAsync(request, ct);
        var content = inspector.Inspect(body, ct);
        if (content.Summary.Format == UploadFormat.SdkReport)
            throw UploadRejectedException.BadRequest("The body is an SDK report batch; send it to POST /v1/reports instead of /v1/dumps.");
        if (content.Summary.Format is not (UploadFormat.WebrtcInternalsDump or UploadFormat.RtcStatsDump))
            throw UploadRejectedException.BadRequest("The body is neither a chrome://webrtc-internals dump nor an rtcstats dump.");

        var accepted = await AcceptAsync(request, tenantId, sessionId, region, content, body, ct);
        return (accepted, content.Summary);
    }

    public async Task<(AcceptResult Result, UploadSummary Summary)> ReportAsync(HttpRequest request, Guid tenantId, CancellationToken ct)
    {
        using var body = await reader.ReadAsync(request, ct);
        var content = inspector.Inspect(body, ct);
        if (content.Summary.Format != UploadFormat.SdkReport)
            throw UploadRejectedException.BadRequest(
                $"The body is a {Describe(content.Summary.Format)}, not an SDK report batch; send dumps to POST /v1/dumps.");

        var sessionId = content.Summary.SessionId;
        if (!Identifiers.IsSessionId(sessionId)) throw UploadRejectedException.BadRequest(Identifiers.DescribeSessionId(sessionId));
        var region = content.Summary.Region ?? Identifiers.DefaultRegion;
        if (!Identifiers.IsRegion(region)) throw UploadRejectedException.BadRequest(Identifiers.DescribeRegion(region));

        var accepted = await AcceptAsync(request, tenantId, sessionId!, region, content, body, ct);
        return (accepted, content.Summary);
    }

    private async Task<AcceptResult> AcceptAsync(
        HttpRequest request, Guid tenantId, string sessionId, string region, InspectedContent content, ReceivedBody body, CancellationToken ct)
    {
        if (!readiness.IsReady) throw new DatabaseNotReadyException();
        var publishable = request.HttpContext.User.FindFirstValue(ApiKeyDefaults.KindClaim) == KeyKinds.Publishable;
        var accepted = await inbox.AcceptAsync(new Upload(tenantId, sessionId, region, content.Summary.Format, body.Bytes, content.ContentSha256)
        {
            Client = publishable ? await clients.OfAsync(request.HttpContext, ct) : null,
        }, ct);
        handoff.HandOff(tenantId, accepted, body.Bytes);
        return accepted;
    }

    private static string Describe(UploadFormat format) => format switch
    {
        UploadFormat.WebrtcInternalsDump => "chrome://webrtc-internals dump",
        UploadFormat.RtcStatsDump => "rtcstats dump",
        _ => "document of unknown format",
    };
}
