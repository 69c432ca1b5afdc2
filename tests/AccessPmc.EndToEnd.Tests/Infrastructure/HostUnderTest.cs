using AccessPmc.Contracts;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The app running under one host, for a whole test class (an xunit class fixture): end-to-end tests
/// are written once against this and run under each host through two small derived classes.
/// Tests talk to it only over HTTP, and to its storage only to break it on purpose.
/// </summary>
public abstract class HostUnderTest : IAsyncLifetime
{
    private Uri? baseAddress;
    private HttpClient? api;

    /// <summary>"SelfHost" or "Functions host (…)": for messages.</summary>
    public abstract string Name { get; }

    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException($"{Name} is not started.");

    /// <summary>The settings the app runs with: the same for every host (environment variables under the Functions host).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; private set; } = new Dictionary<string, string?>();

    public string TablePrefix => Settings["Storage:TablePrefix"]!;

    public string StorageConnectionString => Settings["AzureWebJobsStorage"]!;

    /// <summary>No redirects followed, no cookies: the raw answer.</summary>
    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public AccessPmcClient Issuer => Client(TestApp.IssuerKey);

    public AccessPmcClient Scanner => Client(TestApp.ScannerKey);

    public AccessPmcClient Admin => Client(TestApp.AdminKey);

    /// <summary>What the host and the app have logged so far.</summary>
    public abstract string Log { get; }

    /// <summary>Settings this fixture adds to the common ones (a tighter rate limit...).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>();

    /// <summary>A typed client for <paramref name="key"/>; all of them share one HttpClient (the key goes with each request).</summary>
    public AccessPmcClient Client(string key) => new(api ??= new HttpClient { BaseAddress = new Uri(BaseAddress, "api/") }, key);

    /// <summary>A raw request; <paramref name="key"/> goes in Authorization as a bearer key when given.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, path)) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return Http.SendAsync(request);
    }

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // Leave no process behind, whether or not xunit disposes a fixture whose start failed (StopAsync is idempotent).
            await StopAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var connectionString = await StartStorageAsync();
        var settings = RunningHost.Settings(connectionString);
        // A real schedule, every two seconds: timer tests wait for its effect under either host.
        settings["ExpirePassesSchedule"] = "*/2 * * * * *";
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        Settings = settings;
        baseAddress = await StartHostAsync(settings);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        api?.Dispose();
        await StopAsync();
    }

    /// <summary>Starts (or reuses) the storage this host needs; returns its connection string.</summary>
    protected abstract Task<string> StartStorageAsync();

    /// <summary>Starts the host with these settings; returns its base address once it answers.</summary>
    protected abstract Task<Uri> StartHostAsync(IReadOnlyDictionary<string, string?> settings);

    /// <summary>Stops the storage under the running app (an outage), where the storage is this fixture's own.</summary>
    public virtual Task StopStorageAsync() => throw new NotSupportedException($"{Name} shares its storage with other tests: use a fixture with storage of its own.");

    /// <summary>Stops whatever was started; safe to call twice or after a partial start.</summary>
    protected abstract Task StopAsync();
}
