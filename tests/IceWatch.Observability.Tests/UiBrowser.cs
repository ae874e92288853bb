using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IceWatch.Observability.Tests;

/// <summary>
/// The system's Chromium, headless, with a fresh profile per context (Playwright's temporary one);
/// pages at a laptop's and a phone's width, each screenshotted, checked with axe-core (WCAG 2.1 A
/// and AA rules) and for sideways scrolling. Screenshots go to the temp folder.
/// </summary>
public sealed class UiBrowser : IAsyncDisposable
{
    public static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "icewatch-ui-screenshots");
    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private UiBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<UiBrowser> LaunchAsync()
    {
        Directory.CreateDirectory(Screenshots);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new UiBrowser(playwright, browser);
    }

    public async Task<IPage> PageAsync(ViewportSize viewport)
    {
        var phone = viewport.Width < 600;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, IsMobile = phone, HasTouch = phone });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as NAME-WIDTH.png, then fails on any axe violation or on content wider than the viewport.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        var width = page.ViewportSize!.Width;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}-{width}.png"), FullPage = true });
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(axe.Violations.Length == 0, $"{name} at {width} px: " + string.Join("; ", axe.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(sizes[0] <= sizes[1], $"{name} at {width} px scrolls sideways: content {sizes[0]} px wide in {sizes[1]} px");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
