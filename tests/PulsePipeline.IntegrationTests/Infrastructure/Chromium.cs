using Microsoft.Playwright;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's chromium (PULSE_CHROMIUM, default /usr/bin/chromium) driven by Playwright's bundled node driver,
/// headless, with a fresh profile that is deleted afterwards. Playwright's own browser downloads are never used.
/// Collects console errors (a CSP violation is one) so tests can assert there were none.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly DirectoryInfo profile;

    private Chromium(IPlaywright playwright, DirectoryInfo profile, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.profile = profile;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A 4xx document is logged as "Failed to load resource"; statuses are asserted where they are expected.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal))
            {
                ConsoleProblems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleProblems.Add($"page error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> ConsoleProblems { get; } = [];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("PULSE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <param name="phone">A phone-sized touch screen instead of a desktop window.</param>
    public static async Task<Chromium> LaunchAsync(bool phone = false)
    {
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("pulse-chromium-");
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
                Timeout = 60_000,
                ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
                IsMobile = phone,
                HasTouch = phone,
                DeviceScaleFactor = phone ? 3 : 1,
            });
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            return new Chromium(playwright, profile, context, page);
        }
        catch
        {
            playwright.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        profile.Delete(recursive: true);
    }
}
