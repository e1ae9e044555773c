using Microsoft.Playwright;

namespace OpenAaf.Browser.Tests;

/// <summary>
/// One headless Debian chromium per test class, driven by Playwright. Never a downloaded browser: the
/// package's own browsers are not used, and a missing /usr/bin/chromium is an installation error.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: run tests/install-test-deps.sh (Debian package chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // As root chromium needs --no-sandbox; the machine's closed network refuses Chromium's background
            // connections, so they are switched off rather than left to fail.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
