using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace IceWatch.Api.Tests;

/// <summary>
/// Throws a deterministic corpus of broken and adversarial uploads at both upload endpoints through
/// Kestrel. Every answer must be 202 or a 4xx problem: no 5xx, no hang, no crash, bounded memory.
/// ICEWATCH_FUZZ_PER_FAMILY scales the small-body part (default 2000: about 10,500 requests in all).
/// What was accepted must then process without a database error (attempts stay 0).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UploadFuzzTests(FuzzApiFixture api, ITestOutputHelper output) : IClassFixture<FuzzApiFixture>
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<string> _failures = new();

    [Fact]
    public async Task Every_hostile_upload_gets_a_4xx_problem_or_202_never_a_5xx()
    {
        var perFamily = int.TryParse(Environment.GetEnvironmentVariable("ICEWATCH_FUZZ_PER_FAMILY"), out var n) ? n : 2000;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(HostileBodies.Small(seed: 20261122, perFamily), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (c, ct) => await SendAsync(c, ct));
        foreach (var c in HostileBodies.Large()) await SendAsync(c, CancellationToken.None);
        await FramingAttacksAsync();

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/healthz")).StatusCode);
        GC.Collect();
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
        var total = _counts.Values.Sum();
        output.WriteLine($"{total} requests in {clock.Elapsed.TotalSeconds:F0} s; heap after {heapMb} MB, peak working set {peakMb} MB (test host and server)");
        foreach (var (key, count) in _counts.OrderBy(p => p.Key)) output.WriteLine($"  {key}: {count}");
        Assert.True(_failures.IsEmpty, string.Join("\n", _failures.Take(20)));
        Assert.True(total >= 10_000 || perFamily < 2000, $"only {total} requests");
        Assert.InRange(heapMb, 0, 1024);
        // Dump-shaped garbage: empty entries are no peer connections (accepted, nothing counted); too many hollow ones are over the limit.
        Assert.True(_counts.ContainsKey("38,700 empty entries -> 202") && _counts.ContainsKey("200,000 empty entries (gzip) -> 202"), string.Join(", ", _counts.Keys));
        Assert.True(_counts.ContainsKey("5,000 hollow configured entries -> 413") && _counts.ContainsKey("1,500 hollow configured entries -> 202"), string.Join(", ", _counts.Keys));

        // Accepted hostile uploads reach the processor: each must end processed or set aside, never fail its session.
        await using var db = Npgsql.NpgsqlDataSource.Create(api.ConnectionString);
        var deadline = Stopwatch.StartNew();
        while ((long)(await db.CreateCommand("SELECT count(*) FROM uploads WHERE processed_at IS NULL").ExecuteScalarAsync())! > 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "the accepted hostile uploads were not processed within 3 minutes");
            await Task.Delay(200);
        }
        var failed = await db.CreateCommand("SELECT count(*) || ' ' || coalesce(min(last_error), '') FROM uploads WHERE attempts > 0").ExecuteScalarAsync();
        output.WriteLine($"processed every accepted upload in {deadline.Elapsed.TotalSeconds:F0} s more; failed attempts: {failed}");
        Assert.StartsWith("0 ", (string)failed!, StringComparison.Ordinal);
        // Every dump goes to one session: its limits hold however much garbage was accepted.
        var pcs = (long)(await db.CreateCommand("SELECT count(*) FROM verdicts WHERE session_id = 'fuzz'").ExecuteScalarAsync())!;
        output.WriteLine($"peer connections kept in the dumps' session: {pcs}");
        Assert.InRange(pcs, 1, IceWatch.Grains.Sessions.SessionLimits.Default.MaxPeerConnections);
    }

    private async Task SendAsync(FuzzCase c, CancellationToken ct)
    {
        using var content = new ByteArrayContent(c.Body);
        if (c.ContentType is { Length: > 0 } type && MediaTypeHeaderValue.TryParse(type, out var media)) content.Headers.ContentType = media;
        if (c.ContentEncoding is not null) content.Headers.ContentEncoding.Add(c.ContentEncoding);
        using var response = await api.Client.PostAsync(c.Path, content, ct);
        var status = (int)response.StatusCode;
        Count(c.Family, status);
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        if (status >= 500 || (status >= 400 && !isProblem) || status is not (202 or >= 400))
            _failures.Enqueue($"{c.Family} {c.Path} -> {status}: {await response.Content.ReadAsStringAsync(ct)} body starts {Preview(c.Body)}");
    }

    private async Task FramingAttacksAsync()
    {
        var head = $"POST {{0}} HTTP/1.1\nHost: {api.Address.Authority}\nAuthorization: Bearer {api.ApiKey}\nContent-Type: application/json\n{{1}}\n";
        var body = Seeds.SdkReport;
        var attacks = new List<(string Family, string Headers, byte[] Body, bool Close)>();
        foreach (var extra in new[] { 1, 100, 10_000, 1_000_000 })
            attacks.Add(("content-length too large", $"Content-Length: {body.Length + extra}", body, true));
        foreach (var missing in new[] { 1, 100, body.Length - 1 })
            attacks.Add(("content-length too small", $"Content-Length: {body.Length - missing}", body, true));
        foreach (var value in new[] { "-1", "abc", "99999999999999999999", "1, 2", "0x10" })
            attacks.Add(("content-length invalid", $"Content-Length: {value}", body, true));
        attacks.Add(("content-length duplicated", $"Content-Length: {body.Length}\nContent-Length: 5", body, true));
        attacks.Add(("content-length and chunked", $"Content-Length: {body.Length}\nTransfer-Encoding: chunked", body, true));
        attacks.Add(("chunked garbage", "Transfer-Encoding: chunked", Encoding.ASCII.GetBytes("zz\r\nhello\r\n0\r\n\r\n"), true));
        attacks.Add(("stalled body", $"Content-Length: {body.Length}", body[..10], false));

        foreach (var path in new[] { HostileBodies.Reports, HostileBodies.Dumps })
            await Task.WhenAll(attacks.Select(async a =>
            {
                var status = await RawHttp.SendAsync(api.Address, string.Format(head, path, a.Headers), a.Body, a.Close, TimeSpan.FromSeconds(40));
                Count(a.Family, status);
                if (status is -1 or >= 500) _failures.Enqueue($"{a.Family} {path} -> {(status == -1 ? "no answer within 40 s" : status.ToString())}");
            }));
    }

    private void Count(string family, int status) => _counts.AddOrUpdate($"{family} -> {(status == 0 ? "closed" : status.ToString())}", 1, (_, c) => c + 1);

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 160));
}
