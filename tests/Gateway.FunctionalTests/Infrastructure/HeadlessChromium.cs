using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// Debian's chromium, headless, driven by Debian's chromedriver (no browser download): a fresh profile per
/// browser, deleted on dispose. A missing browser fails the test with how to install it; ./test.sh installs it.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "gateway-chromium-" + Guid.NewGuid().ToString("N"));

    public HeadlessChromium(string? userAgent = null, bool mobile = true, string acceptLanguage = "en-US,en")
    {
        if (!File.Exists(Chromium) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException($"{Chromium} or {DriverPath} is missing: run ./test.sh, or apt-get install chromium chromium-driver.");
        }

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={_profile}",
            mobile ? "--window-size=390,844" : "--window-size=1280,900", $"--lang={acceptLanguage.Split(',')[0]}");
        options.AddUserProfilePreference("intl.accept_languages", acceptLanguage);
        if (userAgent is not null)
        {
            options.AddArgument($"--user-agent={userAgent}");
        }

        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails with what the page shows.</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Holds(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}; the page is at {Driver.Url}: {Driver.PageSource[..Math.Min(2000, Driver.PageSource.Length)]}");
            }

            Thread.Sleep(100);
        }
    }

    // A condition that reads an element while the page navigates or re-renders it sees a stale or missing
    // element: that is "not yet", as Selenium's own WebDriverWait treats it, not a failure.
    private bool Holds(Func<IWebDriver, bool> condition)
    {
        try
        {
            return condition(Driver);
        }
        catch (Exception e) when (e is StaleElementReferenceException or NoSuchElementException)
        {
            return false;
        }
    }

    /// <summary>The console messages that report a Content-Security-Policy violation.</summary>
    public IReadOnlyList<string> CspViolations()
        => Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => e.Message)
            .Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Saves a screenshot with the test output (TestResults/checkout/).</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "checkout");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still be closing a file; the temp folder is cleaned up by the system.
        }
    }
}
