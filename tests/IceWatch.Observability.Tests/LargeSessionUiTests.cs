using System.Net;
using Microsoft.Playwright;

namespace IceWatch.Observability.Tests;

/// <summary>A session of hundreds of peer connections: summarised by verdict and paged, never one page of megabytes.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class LargeSessionUiTests(LargeSessionIceWatch iceWatch) : IClassFixture<LargeSessionIceWatch>, IAsyncLifetime
{
    private const string SessionPath = "/ui/sessions/" + LargeSessionIceWatch.SessionId;
    private UiBrowser? _browser;

    public async Task InitializeAsync() => _browser = await UiBrowser.LaunchAsync();

    [Fact]
    public async Task The_session_page_stays_small_however_many_peer_connections_the_session_has()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies });
        var page = await http.GetAsync($"{iceWatch.BaseUrl}{SessionPath}?key={LargeSessionIceWatch.ApiKey}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(html.Length < 64 * 1024, $"the page of {LargeSessionIceWatch.Failed + LargeSessionIceWatch.Connected} peer connections is {html.Length} bytes");
        Assert.Equal(0, CountOf(html, "class=\"card peer-connection\""));

        var past = await (await http.GetAsync($"{iceWatch.BaseUrl}{SessionPath}?page=2147483647")).Content.ReadAsStringAsync();
        Assert.Contains("(301–324 of 324)", past);
        Assert.Contains("page 7 of 7", past);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Peer_connections_are_grouped_by_verdict_paged_and_each_opens_in_full(int width)
    {
        var page = await _browser!.PageAsync(width < 600 ? UiBrowser.Phone : UiBrowser.Laptop);
        await page.GotoAsync($"{iceWatch.BaseUrl}{SessionPath}?key={LargeSessionIceWatch.ApiKey}");

        Assert.Equal("324 peer connections: 300 failed, 24 connected", await page.InnerTextAsync("section.verdict-groups h2"));
        var groups = page.Locator("table.groups tr");
        Assert.Contains("turn_auth_failed", await groups.Nth(1).InnerTextAsync());
        Assert.Contains("300", await groups.Nth(1).InnerTextAsync());
        Assert.Equal(50, await page.Locator("table.peer-connections tr").CountAsync() - 1);
        Assert.Equal("page 1 of 7", await page.InnerTextAsync("nav.pager .page"));
        Assert.All(await page.Locator("table.peer-connections .badge").AllInnerTextsAsync(), b => Assert.Equal("failed", b));
        await UiBrowser.CheckAsync(page, "session-large");

        await page.ClickAsync("nav.pager a[rel=next]");
        Assert.EndsWith($"{SessionPath}?page=2", page.Url);
        Assert.Contains("(51–100 of 324)", await page.InnerTextAsync("h2.listing"));

        await page.GetByRole(AriaRole.Link, new() { Name = "show 24 peer connections" }).ClickAsync();
        Assert.EndsWith($"{SessionPath}?verdict=connected", page.Url);
        Assert.Equal(24, await page.Locator("table.peer-connections tr").CountAsync() - 1);
        Assert.Equal(0, await page.Locator("nav.pager").CountAsync());

        var first = page.Locator("table.peer-connections a").First;
        var id = await first.InnerTextAsync();
        await first.ClickAsync();
        Assert.EndsWith($"{SessionPath}?pc={id}", page.Url);
        var card = page.Locator("section.peer-connection");
        Assert.Equal(1, await card.CountAsync());
        Assert.Equal("connected", await card.Locator(".verdict").InnerTextAsync());
        Assert.Contains("tls", await card.Locator("table.candidates").InnerTextAsync());
        await UiBrowser.CheckAsync(page, "peer-connection");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }
}
