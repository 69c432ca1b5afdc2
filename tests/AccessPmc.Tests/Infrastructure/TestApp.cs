using System.Text;
using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions;
using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>
/// The service's real registration over a real Azurite, with a fake clock and tables of its own;
/// functions are called directly with a <see cref="DefaultHttpContext"/>.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string IssuerKey = "test-issuer-key-0123456789abcdef0123456789";
    public const string OtherIssuerKey = "test-issuer2-key-0123456789abcdef012345678";
    public const string ScannerKey = "test-scanner-key-0123456789abcdef01234567";
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789a";

    public static readonly DateTimeOffset Start = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    private TestApp(ServiceProvider services, FakeTimeProvider clock)
    {
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public Tables Tables => Services.GetRequiredService<Tables>();

    public static async Task<TestApp> StartAsync(AzuriteFixture azurite, string name, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var settings = Settings(azurite.ConnectionString, "t" + name + Guid.NewGuid().ToString("N")[..6]);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(Start);
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddAccessPmc(configuration);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var app = new TestApp(services, clock);
        await app.Tables.EnsureCreatedAsync(CancellationToken.None);
        return app;
    }

    public static Dictionary<string, string?> Settings(string connectionString, string tablePrefix) => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Storage:TablePrefix"] = tablePrefix,
        ["Signing:Keys:0:Pem"] = TestKeys.Signer.ExportPrivatePem(),
        ["AccessPmc:Sites:0:Code"] = "PMC",
        ["AccessPmc:Sites:0:Name"] = "Pierre et Marie Curie",
        ["AccessPmc:Sites:1:Code"] = "JUSSIEU",
        ["AccessPmc:Sites:2:Code"] = "VILLEJUIF",
        ["AccessPmc:ExpiryMaxPerRun"] = "10000",
        ["Documents:Organization"] = "Université Exemple",
        ["Documents:Controller"] = "Université Exemple, 4 place Jussieu, 75005 Paris",
        ["Documents:Contact"] = "dpo@universite-exemple.fr",
        ["Auth:Clients:0:Id"] = "issuer-phys",
        ["Auth:Clients:0:Role"] = Roles.Issuer,
        ["Auth:Clients:0:Key"] = IssuerKey,
        ["Auth:Clients:0:Units:0"] = "PHYS",
        ["Auth:Clients:0:Sites:0"] = "PMC",
        ["Auth:Clients:0:Sites:1"] = "JUSSIEU",
        ["Auth:Clients:1:Id"] = "issuer-chem",
        ["Auth:Clients:1:Role"] = Roles.Issuer,
        ["Auth:Clients:1:Key"] = OtherIssuerKey,
        ["Auth:Clients:1:Units:0"] = "CHEM",
        ["Auth:Clients:1:Sites:0"] = "*",
        ["Auth:Clients:2:Id"] = "scanner-pmc",
        ["Auth:Clients:2:Role"] = Roles.Scanner,
        ["Auth:Clients:2:Key"] = ScannerKey,
        ["Auth:Clients:2:Sites:0"] = "PMC",
        ["Auth:Clients:2:Sites:1"] = "JUSSIEU",
        ["Auth:Clients:3:Id"] = "admin",
        ["Auth:Clients:3:Role"] = Roles.Admin,
        ["Auth:Clients:3:Key"] = AdminKey,
    };

    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(Services);

    public HttpRequest Request(string method, string path, object? body = null, string? key = IssuerKey, string? rawBody = null, string contentType = "application/json")
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (key is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + key;
        }

        var text = rawBody ?? (body is null ? null : JsonSerializer.Serialize(body, body.GetType(), AccessPmcJson.Default));
        if (text is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Request.ContentType = contentType;
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Replaces the request's body with exactly these bytes (another charset, a byte-order mark…).</summary>
    public static HttpRequest WithBody(HttpRequest request, byte[] bytes, string contentType)
    {
        request.ContentType = contentType;
        request.ContentLength = bytes.Length;
        request.Body = new MemoryStream(bytes);
        return request;
    }

    /// <summary>Runs the result the way the host would, so status, headers and JSON are what a client gets.</summary>
    public static async Task<Reply> ExecuteAsync(HttpRequest request, IResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new Reply(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, body);
    }

    public Task FlushScansAsync() => Services.GetRequiredService<ScanLog>().FlushAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Tables.All)
        {
            await table.DeleteAsync();
        }

        await Services.DisposeAsync();
    }
}
