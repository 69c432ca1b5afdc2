using AccessPmc.Contracts;
using Azure.Data.Tables;

namespace AccessPmc.Browser.Tests.Infrastructure;

/// <summary>
/// One server and one browser for a test class (scanner or console): its own in-memory Azurite, SelfHost in-process
/// (<see cref="RunningHost"/>, as the end-to-end tests run it) and Debian's Chromium driven by Playwright.
/// The server can be stopped and started again on the same port, so pages keep their origin.
/// </summary>
public sealed class ScannerFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private Dictionary<string, string?> settings = null!;
    private int port;

    public RunningHost Host { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots for reviewers: bin/…/screenshots beside the test assembly.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public Uri BaseAddress => Host.BaseAddress;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        settings = RunningHost.Settings(azurite.ConnectionString);
        settings["AccessPmc:Sites:0:Capacity"] = "200"; // PMC: the console shows occupancy against it
        Host = await RunningHost.StartAsync(azurite, settings);
        port = Host.BaseAddress.Port;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchAsync();
    }

    /// <summary>A fresh Chromium whose fake camera shows <paramref name="y4m"/> (or Chromium's test pattern).</summary>
    public Task<IBrowser> LaunchAsync(string? y4m = null) => Playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            .. y4m is null ? Array.Empty<string>() : [$"--use-file-for-fake-video-capture={y4m}"],
        ],
    });

    /// <summary>A new browser profile (no IndexedDB, no service worker yet) with French as its language.</summary>
    public Task<IBrowserContext> NewContextAsync(IBrowser? browser = null) => (browser ?? Browser).NewContextAsync(new()
    {
        BaseURL = BaseAddress.AbsoluteUri,
        Locale = "fr-FR",
        ViewportSize = new() { Width = 412, Height = 860 },
        ServiceWorkers = ServiceWorkerPolicy.Allow,
    });

    /// <summary>A new desktop browser profile for the console: French, Paris time, a 1280×900 screen.</summary>
    public Task<IBrowserContext> NewDesktopContextAsync() => Browser.NewContextAsync(new()
    {
        BaseURL = BaseAddress.AbsoluteUri,
        Locale = "fr-FR",
        TimezoneId = "Europe/Paris",
        ViewportSize = new() { Width = 1280, Height = 900 },
        AcceptDownloads = true,
    });

    public async Task<PassResponse> IssueAsync(params string[] sites) =>
        await Host.Issuer.IssuePassAsync(new IssuePassRequest("Jeanne", "Dupont", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2), sites.Length == 0 ? ["PMC"] : sites));

    /// <summary>A new scanner client on PMC and JUSSIEU, as an admin creates it.</summary>
    public Task<ClientWithKey> NewScannerAsync(params string[] sites) =>
        Host.Admin.CreateClientAsync(new CreateClientRequest("Gate " + Guid.NewGuid().ToString("N")[..4], Roles.Scanner, null, sites.Length == 0 ? ["PMC", "JUSSIEU"] : sites));

    public async Task StopHostAsync()
    {
        await Host.DisposeAsync();
        Host = null!;
    }

    /// <summary>The same tables, keys and port as before the stop.</summary>
    public async Task RestartHostAsync() =>
        Host = await RunningHost.StartAsync(azurite, settings, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Scan events as stored, read from the table itself.</summary>
    public async Task<List<TableEntity>> ScanEventsAsync()
    {
        var table = new TableClient(azurite.ConnectionString, settings["Storage:TablePrefix"] + "ScanEvents");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    /// <summary>Browser test classes run one after the other: two Chromiums at once would starve a 2-core machine.</summary>
    public const string Name = "Browser";
}
