using Microsoft.Playwright;

namespace IceWatch.Observability.Tests;

/// <summary>
/// The web UI in headless Chromium (the system's browser; Playwright gives each launch a fresh
/// temporary profile) against the running, seeded IceWatch. Screenshots go to the temp folder.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class WebUiTests(SeededIceWatch iceWatch) : IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "icewatch-ui-screenshots");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    [Fact]
    public async Task The_overview_needs_a_key_then_shows_each_region_its_failure_rate_relay_share_and_alerts()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(iceWatch.BaseUrl + "/ui");
        Assert.EndsWith("/ui/login?returnUrl=%2Fui", page.Url);
        await page.FillAsync("input[name=key]", "not-a-key-of-anyone");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("That API key is not valid.", await page.InnerTextAsync("[role=alert]"));
        await page.FillAsync("input[name=key]", SeededIceWatch.ApiKey);
        await page.ClickAsync("button[type=submit]");
        Assert.Equal(iceWatch.BaseUrl + "/ui", page.Url);

        Assert.Equal(["ap-south", "eu-west", "us-east"], await page.Locator("section.region").EvaluateAllAsync<string[]>("s => s.map(e => e.dataset.region)"));
        var eu = page.Locator("section.region[data-region=eu-west]");
        Assert.Equal("33.33%", await eu.Locator("b.failure-rate").InnerTextAsync());
        Assert.Equal("6", await eu.Locator(".peer-connections").InnerTextAsync());
        Assert.Equal("50%", await eu.Locator(".relay-share").InnerTextAsync());
        Assert.True(await eu.Locator("svg.failure-rate rect.bar").CountAsync() >= 1);
        Assert.Equal(1, await eu.Locator("svg.failure-rate line.threshold").CountAsync());
        var us = page.Locator("section.region[data-region=us-east]");
        Assert.Equal("0%", await us.Locator("b.failure-rate").InnerTextAsync());
        Assert.Equal("66.67%", await us.Locator(".relay-share").InnerTextAsync());

        var alerts = page.Locator("tr.alert");
        Assert.Equal(2, await alerts.CountAsync());
        Assert.Contains("firing", await alerts.First.InnerTextAsync());
        Assert.Contains("eu-west", await alerts.First.InnerTextAsync());
        Assert.Equal("eu-401", await page.Locator("table.sessions tr:nth-child(2) td a").InnerTextAsync());
        Assert.DoesNotContain("other-401", await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "overview.png"), FullPage = true });
    }

    [Fact]
    public async Task A_session_page_reached_with_a_key_link_shows_verdicts_timeline_candidates_pairs_evidence_and_fix()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{iceWatch.BaseUrl}/ui/sessions/eu-401?key={SeededIceWatch.ApiKey}");
        Assert.Equal(iceWatch.BaseUrl + "/ui/sessions/eu-401", page.Url);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "icewatch_ui");
        Assert.True(cookie.HttpOnly);

        var pcs = page.Locator("section.peer-connection");
        Assert.Equal(2, await pcs.CountAsync());
        var first = pcs.First;
        Assert.Equal("failed", await first.Locator(".verdict").InnerTextAsync());
        Assert.Equal("turn_auth_failed", await first.Locator(".category").InnerTextAsync());
        Assert.Contains("401", await first.Locator("ul.evidence").InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(await first.Locator(".fix").InnerTextAsync()));
        Assert.True(await first.Locator("svg.timeline rect.state").CountAsync() >= 1);
        Assert.Contains("No candidate was gathered", await first.Locator("table.candidates").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "session-failed.png"), FullPage = true });

        await page.GotoAsync(iceWatch.BaseUrl + "/ui/sessions/us-tls");
        var tls = page.Locator("section.peer-connection").First;
        Assert.Equal("connected", await tls.Locator(".verdict").InnerTextAsync());
        Assert.Equal("relay → relay", await tls.Locator(".selected-pair").InnerTextAsync());
        Assert.Contains("turns:", await tls.InnerTextAsync());
        Assert.Contains("connected", await tls.Locator("svg.timeline rect.state[data-kind=ice]").EvaluateAllAsync<string>("r => r.map(e => e.dataset.state).join(',')"));
        Assert.True(await tls.Locator("table.pairs tr").CountAsync() > 1);
        Assert.Contains("relay → relay", await tls.Locator("table.pairs tr.selected").InnerTextAsync());
        Assert.Contains("tls", await tls.Locator("table.candidates").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "session-tls.png"), FullPage = true });

        await page.GotoAsync(iceWatch.BaseUrl + "/ui/sessions/other-401");
        Assert.Contains("No session other-401", await page.InnerTextAsync("h1"));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
