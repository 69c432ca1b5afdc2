using AccessPmc.Contracts;
using AccessPmc.SelfHost;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>SelfHost started in-process on a free port over the shared Azurite, with tables of its own; tests talk to it only over HTTP.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(SelfHostApp app) => App = app;

    public SelfHostApp App { get; }

    public Uri BaseAddress => App.BaseAddress;

    public HttpClient Http { get; } = new();

    public AccessPmcClient Issuer => Client(TestApp.IssuerKey);

    public AccessPmcClient Scanner => Client(TestApp.ScannerKey);

    public AccessPmcClient Admin => Client(TestApp.AdminKey);

    /// <param name="replace">All the settings, instead of <see cref="Settings"/> plus <paramref name="overrides"/>.</param>
    public static async Task<RunningHost> StartAsync(
        AzuriteFixture azurite, IEnumerable<KeyValuePair<string, string?>>? overrides = null, string[]? args = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null, IDictionary<string, string?>? replace = null)
    {
        var settings = replace is null ? Settings(azurite.ConnectionString) : new Dictionary<string, string?>(replace);
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var app = SelfHostApp.Build(
            ["--no-local-settings", "--port", "0", .. args ?? []],
            collection =>
            {
                if (clock is not null)
                {
                    collection.AddSingleton(clock);
                }

                services?.Invoke(collection);
            },
            settings);
        await app.StartAsync();
        return new RunningHost(app);
    }

    /// <summary>The unit tests' settings (sites PMC, JUSSIEU, VILLEJUIF; issuer PHYS on PMC+JUSSIEU; scanner on PMC+JUSSIEU) plus the timer schedules.</summary>
    public static Dictionary<string, string?> Settings(string connectionString)
    {
        var settings = TestApp.Settings(connectionString, "e2e" + Guid.NewGuid().ToString("N")[..8]);
        settings["ExpirePassesSchedule"] = "0 */5 * * * *";
        settings["PurgePersonalDataSchedule"] = "0 30 3 * * *";
        settings["PresenceResetSchedule"] = "0 */5 * * * *";
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    /// <summary>A client for the API root under <paramref name="prefix"/>.</summary>
    public AccessPmcClient Client(string key, string prefix = "api") =>
        new(new HttpClient { BaseAddress = new Uri(BaseAddress, prefix.Length == 0 ? "" : prefix + "/") }, key);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path) =>
        Http.SendAsync(new HttpRequestMessage(method, new Uri(BaseAddress, path)));

    /// <summary>Polls until <paramref name="condition"/> holds; the timeout is generous: no timing is asserted.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
