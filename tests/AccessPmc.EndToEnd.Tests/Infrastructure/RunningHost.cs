using System.Security.Cryptography;
using AccessPmc.Contracts;
using AccessPmc.SelfHost;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>SelfHost started in-process on a free port over the shared Azurite, with tables of its own; tests talk to it only over HTTP.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string IssuerKey = "e2e-issuer-key-0123456789abcdef0123456789ab";
    public const string ScannerKey = "e2e-scanner-key-0123456789abcdef0123456789a";
    public const string AdminKey = "e2e-admin-key-0123456789abcdef0123456789abcd";

    private static readonly string SigningPem = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    private RunningHost(SelfHostApp app) => App = app;

    public SelfHostApp App { get; }

    public Uri BaseAddress => App.BaseAddress;

    public HttpClient Http { get; } = new();

    public AccessPmcClient Issuer => Client(IssuerKey);

    public AccessPmcClient Scanner => Client(ScannerKey);

    public static async Task<RunningHost> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? overrides = null, string[]? args = null, TimeProvider? clock = null)
    {
        var settings = Settings(azurite.ConnectionString);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = SelfHostApp.Build(
            ["--no-local-settings", "--port", "0", .. args ?? []],
            services =>
            {
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
            },
            settings);
        await app.StartAsync();
        return new RunningHost(app);
    }

    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Storage:TablePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..8],
        ["Signing:Keys:0:Pem"] = SigningPem,
        ["ExpirePassesSchedule"] = "0 */5 * * * *",
        ["PurgePersonalDataSchedule"] = "0 30 3 * * *",
        ["Logging:LogLevel:Default"] = "Warning",
        ["AccessPmc:Sites:0:Code"] = "PMC",
        ["AccessPmc:Sites:1:Code"] = "JUSSIEU",
        ["AccessPmc:Sites:2:Code"] = "VILLEJUIF",
        ["Auth:Clients:0:Id"] = "issuer-phys",
        ["Auth:Clients:0:Role"] = Roles.Issuer,
        ["Auth:Clients:0:Key"] = IssuerKey,
        ["Auth:Clients:0:Units:0"] = "PHYS",
        ["Auth:Clients:0:Sites:0"] = "PMC",
        ["Auth:Clients:0:Sites:1"] = "JUSSIEU",
        ["Auth:Clients:1:Id"] = "scanner-gates",
        ["Auth:Clients:1:Role"] = Roles.Scanner,
        ["Auth:Clients:1:Key"] = ScannerKey,
        ["Auth:Clients:1:Sites:0"] = "PMC",
        ["Auth:Clients:1:Sites:1"] = "JUSSIEU",
        ["Auth:Clients:2:Id"] = "admin",
        ["Auth:Clients:2:Role"] = Roles.Admin,
        ["Auth:Clients:2:Key"] = AdminKey,
    };

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
