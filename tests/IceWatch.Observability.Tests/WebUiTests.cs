using Microsoft.Playwright;

namespace IceWatch.Observability.Tests;

/// <summary>
/// The web UI in headless Chromium against the running, seeded IceWatch, as on-call uses it: at a
/// laptop's and a phone's width, every page screenshotted and checked with axe-core.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class WebUiTests(SeededIceWatch iceWatch) : IAsyncLifetime
{
    private UiBrowser? _browser;

    public static TheoryData<int> Widths => [UiBrowser.Laptop.Width, UiBrowser.Phone.Width];

    public async Task InitializeAsync() => _browser = await UiBrowser.LaunchAsync();

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_overview_needs_a_key_then_shows_each_region_its_failure_rate_relay_share_and_alerts(int width)
    {
        var page = await PageAsync(width);
        await page.GotoAsync(iceWatch.BaseUrl + "/ui");
        Assert.EndsWith("/ui/login?returnUrl=%2Fui", page.Url);
        await UiBrowser.CheckAsync(page, "login");
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
        Assert.True(await eu.Locator("svg.failure-rate:visible rect.bar").CountAsync() >= 1);
        Assert.Equal(1, await eu.Locator("svg.failure-rate:visible line.threshold").CountAsync());
        var us = page.Locator("section.region[data-region=us-east]");
        Assert.Equal("0%", await us.Locator("b.failure-rate").InnerTextAsync());
        Assert.Equal("66.67%", await us.Locator(".relay-share").InnerTextAsync());

        Assert.Equal("eu-401", await page.Locator("table.sessions tr:nth-child(2) td a").InnerTextAsync());
        Assert.DoesNotContain("other-401", await page.ContentAsync());
        await UiBrowser.CheckAsync(page, "overview");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task An_alert_shows_its_top_cause_with_the_fix_and_links_to_its_worst_session_and_its_details(int width)
    {
        var page = await SignedInAsync(width, "/ui");

        var alerts = page.Locator("tr.alert");
        Assert.Equal(2, await alerts.CountAsync());
        var firing = alerts.First;
        Assert.Contains("firing", await firing.InnerTextAsync());
        Assert.Contains("100% turn_auth_failed on " + AlertIncidentsTable.TurnUrl, await firing.Locator("ul.causes li").InnerTextAsync());
        Assert.Equal("Fix: " + AlertIncidentsTable.Fix, await firing.Locator("ul.causes .fix").InnerTextAsync());
        Assert.Contains("no cause recorded", await alerts.Nth(1).InnerTextAsync());

        await firing.GetByRole(AriaRole.Link, new() { Name = "eu-401" }).ClickAsync();
        Assert.Equal($"{iceWatch.BaseUrl}/ui/sessions/eu-401", page.Url);
        await page.GoBackAsync();
        await firing.GetByRole(AriaRole.Link, new() { Name = "region eu-west" }).ClickAsync();
        Assert.Equal($"{iceWatch.BaseUrl}/ui/alerts/{iceWatch.FiringIncident}", page.Url);
        Assert.Equal("ICE failure rate 33.33% in region eu-west (threshold 1%)", await page.InnerTextAsync("h1"));
        Assert.Contains("turn_auth_failed", await page.Locator("ul.causes").InnerTextAsync());
        Assert.Equal("eu-401", await page.Locator("table.worst-sessions a").InnerTextAsync());
        await UiBrowser.CheckAsync(page, "alert");
    }

    [Fact]
    public async Task The_failure_rate_chart_has_round_axis_labels_and_its_threshold_label_sits_clear_of_the_bars()
    {
        var page = await SignedInAsync(UiBrowser.Laptop.Width, "/ui");

        foreach (var chart in await page.Locator("svg.failure-rate:visible").AllAsync())
        {
            var ticks = await chart.Locator("text.y-tick").AllTextContentsAsync();
            Assert.Contains(ticks[2], new[] { "2%", "5%", "10%", "20%", "25%", "50%", "100%" });
            Assert.All(ticks, t => Assert.Matches(@"^\d+(\.5)?%$", t));
            var label = await chart.Locator("text.threshold-label").BoundingBoxAsync();
            var frame = await chart.BoundingBoxAsync();
            Assert.Equal("1% alert threshold", await chart.Locator("text.threshold-label").TextContentAsync());
            Assert.True(label!.X >= frame!.X && label.X + label.Width <= frame.X + frame.Width && label.Y >= frame.Y, "the threshold label leaves the chart");
            foreach (var bar in await chart.Locator("rect.bar").AllAsync())
                Assert.True((await bar.BoundingBoxAsync())!.Y >= label.Y + label.Height, "a bar reaches into the threshold label");
        }
        Assert.Equal(["0%", "25%", "50%"], await page.Locator("section.region[data-region=eu-west] svg.failure-rate:visible text.y-tick").AllTextContentsAsync());
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_failed_session_shows_the_stall_on_its_timeline_and_says_when_a_table_is_empty(int width)
    {
        var page = await PageAsync(width);
        await page.GotoAsync($"{iceWatch.BaseUrl}/ui/sessions/eu-401?key={SeededIceWatch.ApiKey}");
        Assert.Equal(iceWatch.BaseUrl + "/ui/sessions/eu-401", page.Url);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "icewatch_ui");
        Assert.True(cookie.HttpOnly);

        Assert.StartsWith("region eu-west · 1 upload (0 waiting)", await page.InnerTextAsync("p.session-facts"));
        Assert.Equal("2 peer connections: 2 failed", await page.InnerTextAsync("section.verdict-groups h2"));
        var pcs = page.Locator("section.peer-connection");
        Assert.Equal(2, await pcs.CountAsync());
        var first = pcs.First;
        Assert.Equal("failed", await first.Locator(".verdict").InnerTextAsync());
        Assert.Equal("turn_auth_failed", await first.Locator(".category").InnerTextAsync());
        Assert.Contains("401", await first.Locator("ul.evidence").InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(await first.Locator(".fix").InnerTextAsync()));

        // Chrome left ICE in `new` for the 49 s the call was watched: the lane shows it across the axis.
        var timeline = first.Locator("svg.timeline:visible");
        var ice = timeline.Locator("rect.state[data-kind=ice]");
        Assert.Equal("new", await ice.GetAttributeAsync("data-state"));
        Assert.Equal(width < 600 ? ["0 s", "15 s", "30 s", "45 s", "60 s"] : ["0 s", "10 s", "20 s", "30 s", "40 s", "50 s"],
            await timeline.Locator("text.tick").AllTextContentsAsync());
        Assert.True((await ice.BoundingBoxAsync())!.Width > 0.7 * (await timeline.BoundingBoxAsync())!.Width);
        Assert.Contains("stayed new for 49.3 s", await timeline.GetAttributeAsync("aria-label"));

        Assert.Equal("No candidate was gathered or received.", await first.Locator("table.candidates td.empty").InnerTextAsync());
        Assert.StartsWith("No candidate pair was formed", await first.Locator("table.pairs td.empty").InnerTextAsync());
        await UiBrowser.CheckAsync(page, "session-failed");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_relayed_session_labels_both_times_to_connected_and_reads_its_timeline_in_round_ticks(int width)
    {
        var page = await SignedInAsync(width, "/ui/sessions/us-tls");

        var tls = page.Locator("section.peer-connection").First;
        Assert.Equal("connected", await tls.Locator(".verdict").InnerTextAsync());
        Assert.Equal("relay → relay", await tls.Locator(".selected-pair").InnerTextAsync());
        Assert.Equal("81 ms", await tls.Locator(".created-to-connected").InnerTextAsync());
        Assert.Equal("1 ms", await tls.Locator(".checking-to-connected").InnerTextAsync());
        Assert.Contains("turns:", await tls.InnerTextAsync());
        Assert.Contains("connected", await tls.Locator("svg.timeline:visible rect.state[data-kind=ice]").EvaluateAllAsync<string>("r => r.map(e => e.dataset.state).join(',')"));
        Assert.Equal(width < 600 ? ["0 ms", "250 ms", "500 ms", "750 ms", "1000 ms"] : ["0 ms", "200 ms", "400 ms", "600 ms", "800 ms", "1000 ms"],
            await tls.Locator("svg.timeline:visible text.tick").AllTextContentsAsync());
        Assert.True(await tls.Locator("table.pairs tr").CountAsync() > 1);
        Assert.Contains("relay → relay", await tls.Locator("table.pairs tr.selected").InnerTextAsync());
        Assert.Contains("tls", await tls.Locator("table.candidates").InnerTextAsync());
        Assert.Contains("KiB", await tls.InnerTextAsync());
        await UiBrowser.CheckAsync(page, "session-tls");

        await page.GotoAsync(iceWatch.BaseUrl + "/ui/sessions/other-401");
        Assert.Contains("No session other-401", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task A_link_from_a_page_signs_in_and_lands_on_the_session_it_names()
    {
        var page = await PageAsync(UiBrowser.Phone.Width);
        await page.GotoAsync(iceWatch.BaseUrl + "/ui/sessions/eu-401");
        Assert.EndsWith("/ui/login?returnUrl=%2Fui%2Fsessions%2Feu-401", page.Url);
        await page.FillAsync("input[name=key]", SeededIceWatch.ApiKey);
        await page.ClickAsync("button[type=submit]");
        Assert.Equal(iceWatch.BaseUrl + "/ui/sessions/eu-401", page.Url);
        Assert.Contains("eu-401", await page.InnerTextAsync("h1"));
    }

    private async Task<IPage> PageAsync(int width) => await _browser!.PageAsync(width < 600 ? UiBrowser.Phone : UiBrowser.Laptop);

    private async Task<IPage> SignedInAsync(int width, string path)
    {
        var page = await PageAsync(width);
        await page.GotoAsync($"{iceWatch.BaseUrl}{path}{(path.Contains('?') ? '&' : '?')}key={SeededIceWatch.ApiKey}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }
}
