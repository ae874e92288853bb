using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>
/// One delivery attempt over HTTP, with a time limit; webhook bodies are signed with the target's secret,
/// and PagerDuty events get their routing key here, so no secret sits in a queued body.
/// </summary>
internal sealed class NotificationSender(IHttpClientFactory clients, IOptions<AlertingOptions> options, TimeProvider clock, SecretProtector secrets)
{
    public const string ClientName = "icewatch-notifications";
    public const string SignatureHeader = "X-IceWatch-Signature";
    public const string TimestampHeader = "X-IceWatch-Timestamp";

    public async Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken ct)
    {
        var url = item.Kind == NotificationTargetKinds.Alertmanager ? item.Url.TrimEnd('/') + "/api/v2/alerts" : item.Url;
        var secret = secrets.Read(item.ProtectedSecret, item.PlainSecret);
        var body = item.Kind == NotificationTargetKinds.PagerDuty ? WithRoutingKey(item.Body, secret ?? "") : item.Body;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-IceWatch-Event", item.Event);
        request.Headers.Add("X-IceWatch-Delivery", item.Id.ToString(CultureInfo.InvariantCulture));
        if (item.Kind == NotificationTargetKinds.Webhook && secret is { Length: > 0 })
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(TimestampHeader, timestamp);
            request.Headers.Add(SignatureHeader, "sha256=" + Sign(secret, timestamp, body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.DeliveryTimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode) return DeliveryResult.Delivered;
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var error = $"HTTP {(int)response.StatusCode} from {url}: {(text.Length > 300 ? text[..300] : text)}";
            // A 4xx other than these says the request itself is wrong: sending it again cannot help.
            var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            return new DeliveryResult(false, permanent, error);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new DeliveryResult(false, false, e is OperationCanceledException ? $"no answer from {url} within the delivery timeout" : $"{url}: {e.Message}");
        }
    }

    private static string WithRoutingKey(string body, string routingKey)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json["routing_key"] = routingKey;
        return json.ToJsonString();
    }

    /// <summary>Hex HMAC-SHA256 of "{timestamp}.{body}" under the target's secret.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
