using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel (127.0.0.1, a free port) so a real browser can reach it, and headless Chromium from
/// /usr/bin/chromium driven by Playwright (browsers are never downloaded; <c>tests/run</c> installs chromium).
/// </summary>
public sealed class ConsoleBrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ConsoleBrowserHost()
        : this(new BotHostFactory())
    {
    }

    /// <summary>A configured host (e.g. with a language model); this fixture starts and disposes it.</summary>
    internal ConsoleBrowserHost(BotHostFactory host) => Host = host;

    public BotHostFactory Host { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where the scenarios leave their screenshots: bin/…/artifacts/console-screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "console-screenshots")).FullName;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run `bash tests/run`, which installs chromium and fonts-wqy-microhei.");
        Host.UseKestrel(0);
        Host.StartServer();
        var addresses = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser context (its own cookies), signed in through the login form.</summary>
    public async Task<IPage> SignInAsync(string username, string password = ConsoleSession.Password, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/admin/login**");
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        return page;
    }

    /// <summary>The seeded roster and an admin "boss", once per host (the tests of a class share it).</summary>
    public async Task EnsureRosterAndAdminAsync()
    {
        if (!await Host.QueryAsync(db => Task.FromResult(db.ConsoleAccounts.Any())))
        {
            await ConsoleSeed.ImportRosterAsync(Host);
            await ConsoleSession.CreateAccountAsync(Host, "boss", "admin");
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Host.Dispose();
    }
}
