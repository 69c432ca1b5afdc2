using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Reflection;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The app under the real Azure Functions host (Core Tools' <c>func</c>, else <c>../shared/functions-host/host.sh</c>),
/// over the Functions build output the test project's references already built, with its own Azurite
/// (blob, queue and table) on free ports. The settings are exported as environment variables (<c>:</c>
/// becomes <c>__</c>), the only source host.sh reads. The host and Azurite are stopped by PID after the class.
/// </summary>
public class FunctionsHostUnderTest : HostUnderTest
{
    private const int KeptLines = 4000;
    private const string WorkerCrash = "Unhandled exception.";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private readonly ConcurrentQueue<string> output = new();
    private AzuriteServices? azurite;
    private Process? host;
    private string name = "Functions host";

    public override string Name => name;

    public override string Log => string.Join('\n', output);

    /// <summary>The Functions build output (functions.metadata, the worker, its .azurefunctions extensions), from MSBuild.</summary>
    public static string AppDirectory { get; } = typeof(FunctionsHostUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsOutput").Value!;

    protected override async Task<string> StartStorageAsync()
    {
        azurite = await AzuriteServices.StartAsync();
        return azurite.ConnectionString;
    }

    protected override async Task<Uri> StartHostAsync(IReadOnlyDictionary<string, string?> settings)
    {
        if (!File.Exists(Path.Combine(AppDirectory, "functions.metadata")))
        {
            throw new InvalidOperationException($"No functions.metadata in {AppDirectory}: build the test project (it builds Functions) first.");
        }

        var port = AzuriteFixture.FreePort();
        var command = FunctionsHostLocator.Find(AppDirectory, port, Environment.GetEnvironmentVariable("PATH"), RepoPaths.Root)
            ?? throw new InvalidOperationException(FunctionsHostLocator.NotFound);
        name = $"Functions host ({command.Kind})";
        host = Process.Start(StartInfo(command, settings)) ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        host.OutputDataReceived += (_, e) => Keep(e.Data);
        host.ErrorDataReceived += (_, e) => Keep(e.Data);
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}/");
        await WaitForHealthAsync(address);
        return address;
    }

    /// <summary>This host's Azurite is its own: stopping it is an outage under the running host.</summary>
    public override async Task StopStorageAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
            azurite = null;
        }
    }

    /// <summary>SIGTERM to the host, which stops its worker; after 20 s the whole process tree is killed. Then Azurite.</summary>
    protected override async Task StopAsync()
    {
        if (host is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            try
            {
                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }

        host?.Dispose();
        host = null;
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
            azurite = null;
        }
    }

    private static ProcessStartInfo StartInfo(FunctionsHostCommand command, IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        // The host's "Your Azure Function App is up and running" page at / is not the app's (docs/operations.md).
        start.Environment["AzureWebJobsDisableHomepage"] = "true";
        return start;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitForHealthAsync(Uri address)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (host!.HasExited)
            {
                throw StartFailed($"exited with code {host.ExitCode}");
            }

            // The worker crashed at start (a setting the app refuses...): the host would retry it for a minute.
            if (output.Any(line => line.Contains(WorkerCrash, StringComparison.Ordinal)))
            {
                throw StartFailed("could not start the worker");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri(address, "api/health"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or the worker is still starting.
            }

            await Task.Delay(250);
        }

        throw StartFailed($"did not answer GET /api/health with 200 within {StartDeadline.TotalSeconds} s");
    }

    /// <summary>The first error the output shows (the .NET runtime's report of a crash, or a host error) and the last lines.</summary>
    private InvalidOperationException StartFailed(string what)
    {
        var lines = output.ToList();
        var first = lines.FindIndex(line => line.Contains(WorkerCrash, StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal));
        var error = first < 0 ? "" : $"First error:\n{string.Join('\n', lines.Skip(first).Take(4))}\n";
        return new($"{Name} {what}. {error}Last lines of its output:\n{string.Join('\n', lines.TakeLast(30))}");
    }
}
