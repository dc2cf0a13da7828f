namespace MdoBot.Testing;

/// <summary>
/// How the browser tests (panel, Playground) start Chromium: Debian's build (or <c>$CHROMIUM_PATH</c>), never a
/// downloaded one, headless and quiet (no background networking, updates or sync). Kept free of Playwright types so
/// that the projects without browser tests do not carry Playwright's driver.
/// </summary>
public static class ChromiumLaunch
{
    /// <summary>The command-line switches every test browser starts with.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// Tells Playwright never to download a browser, and returns Debian's Chromium (or <c>$CHROMIUM_PATH</c>);
    /// a missing browser fails the test with a hint.
    /// </summary>
    public static string ExecutablePath()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } fromEnv ? fromEnv : "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}. Install Debian's `chromium` package or set CHROMIUM_PATH.");
    }
}
