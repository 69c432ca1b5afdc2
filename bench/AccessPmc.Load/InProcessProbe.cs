using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using AccessPmc.PassFormat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccessPmc.Load;

/// <summary>
/// Where a verify's CPU goes without HTTP in front: the function called directly (as the tests do),
/// beside the same SDK point read alone. CPU and bytes allocated per operation, for the profile section.
/// </summary>
public static class InProcessProbe
{
    public static async Task<string> RunAsync(string connection, int workers, TimeSpan duration)
    {
        const string scannerKey = "probe-scanner-key-0123456789abcdef0123456789";
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:TablePrefix"] = "probe" + Guid.NewGuid().ToString("N")[..6],
            ["Signing:Keys:0:Pem"] = SigningKey.Generate().ExportPrivatePem(),
            ["AccessPmc:Sites:0:Code"] = "PMC",
            ["Auth:PermitsPerSecond"] = "100000",
            ["Auth:Burst"] = "100000",
            ["Auth:Clients:0:Id"] = "probe",
            ["Auth:Clients:0:Role"] = Roles.Scanner,
            ["Auth:Clients:0:Key"] = scannerKey,
            ["Auth:Clients:0:Sites:0"] = "*",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddAccessPmc(configuration)
            .BuildServiceProvider();
        var tables = services.GetRequiredService<Tables>();
        await tables.EnsureCreatedAsync(default);
        var issuer = services.GetRequiredService<PassIssuer>();
        var pass = issuer.Build(new PassDraft("P", "R", PassKinds.LongTerm, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), ["PMC"], "U", null), PassIssuer.NewId(), "probe", DateTimeOffset.UtcNow);
        await services.GetRequiredService<PassStore>().InsertAsync([pass], default);
        var body = JsonSerializer.SerializeToUtf8Bytes(new VerifyRequest(pass.Code, "PMC"), AccessPmcJson.Default.VerifyRequest);
        var function = ActivatorUtilities.CreateInstance<VerifyFunction>(services);

        var report = new StringBuilder();
        report.AppendLine(await MeasureAsync("SDK point read alone (projected status)", workers, duration, () => services.GetRequiredService<PassStore>().FindStatusAsync(pass.Id, default)));
        report.AppendLine(await MeasureAsync("VerifyFunction.Run called directly", workers, duration, async () =>
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Method = "POST";
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
            context.Request.Headers.Authorization = "Bearer " + scannerKey;
            context.Response.Body = Stream.Null;
            var result = await function.Run(context.Request, default);
            await result.Result.ExecuteAsync(context);
        }));
        report.AppendLine(await MeasureAsync("OfflineVerifier.Check alone", workers, duration, () =>
        {
            services.GetRequiredService<OfflineVerifier>().Check(pass.Code, "PMC", DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        }));
        foreach (var table in tables.All)
        {
            await table.DeleteAsync();
        }

        return report.ToString();
    }

    private static async Task<string> MeasureAsync(string name, int workers, TimeSpan duration, Func<Task> operation)
    {
        await operation();
        long count = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await operation();
                Interlocked.Increment(ref count);
            }
        })));
        var elapsed = clock.Elapsed;
        var cpuPerOp = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
        var bytesPerOp = (GC.GetTotalAllocatedBytes(precise: false) - bytes) / count;
        return $"| {name} | {count / elapsed.TotalSeconds:F0}/s | {cpuPerOp:F0} µs CPU/op (incl. Azurite client side) | {bytesPerOp / 1024.0:F1} KB/op |";
    }
}
