using System.Diagnostics;
using AccessPmc.Contracts;
using AccessPmc.Functions;
using AccessPmc.Functions.Expiry;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Storage;
using AccessPmc.PassFormat;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.Load;

public sealed record ExpiryFigures(TimeSpan Elapsed, int Due, int Expired, long EntitiesRead, TimeSpan Seeding);

/// <summary>Seeds passes straight through the service's own store, then times one ExpirePasses run.</summary>
public static class ExpiryLoad
{
    public static async Task<ExpiryFigures> RunAsync(string connection, int total, int due)
    {
        var start = new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var reads = new ReadCounter();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:TablePrefix"] = "bx" + Guid.NewGuid().ToString("N")[..6],
            ["Signing:Keys:0:Pem"] = SigningKey.Generate().ExportPrivatePem(),
            ["AccessPmc:Sites:0:Code"] = "PMC",
            ["AccessPmc:ExpiryMaxPerRun"] = "100000",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddAccessPmc(configuration)
            .AddSingleton(new TableServiceClient(connection, new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(reads)) }))
            .BuildServiceProvider();
        var tables = services.GetRequiredService<Tables>();
        await tables.EnsureCreatedAsync(default);

        var seeding = Stopwatch.StartNew();
        var issuer = services.GetRequiredService<PassIssuer>();
        var store = services.GetRequiredService<PassStore>();
        for (var offset = 0; offset < total; offset += 5000)
        {
            var passes = Enumerable.Range(offset, Math.Min(5000, total - offset)).Select(i =>
            {
                // The due ones end within the first hour; the rest are spread over the next 90 days.
                var until = i < due ? start.AddSeconds(1 + (i * 3600 / due)) : start.AddDays(1).AddMinutes(i % (90 * 24 * 60));
                var draft = new PassDraft("Seed", $"P{i}", PassKinds.LongTerm, start.AddDays(-1), until, ["PMC"], "BENCH", null);
                return issuer.Build(draft, PassIssuer.NewId(), "bench", start);
            }).ToList();
            await store.InsertAsync(passes, default);
        }

        seeding.Stop();
        clock.SetUtcNow(start.AddHours(2));
        reads.Reset();
        var run = Stopwatch.StartNew();
        var result = await services.GetRequiredService<PassExpirer>().RunAsync(default);
        run.Stop();
        foreach (var table in tables.All)
        {
            await table.DeleteAsync();
        }

        return new ExpiryFigures(run.Elapsed, result.Due, result.Expired, reads.Entities, seeding.Elapsed);
    }

    /// <summary>Counts entities the service read: rows in query pages plus point reads.</summary>
    private sealed class ReadCounter() : DelegatingHandler(new SocketsHttpHandler())
    {
        private long entities;

        public long Entities => Interlocked.Read(ref entities);

        public void Reset() => Interlocked.Exchange(ref entities, 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var rows = System.Text.Json.JsonDocument.Parse(body).RootElement;
                Interlocked.Add(ref entities, rows.TryGetProperty("value", out var page) ? page.GetArrayLength() : 1);
            }

            return response;
        }
    }
}
