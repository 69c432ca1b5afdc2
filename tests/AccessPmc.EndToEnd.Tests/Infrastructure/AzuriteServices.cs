using System.Diagnostics;
using System.Globalization;

namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Azurite with blob, queue and table services, in memory, on free loopback ports: the Functions host
/// keeps its timer leases and keys in blobs, so the table service alone (<see cref="AzuriteFixture"/>) is not enough.
/// </summary>
public sealed class AzuriteServices : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process process;

    private AzuriteServices(Process process, int blob, int queue, int table)
    {
        this.process = process;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey
            + $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        TablePort = table;
    }

    public string ConnectionString { get; }

    public int TablePort { get; }

    public int ProcessId => process.Id;

    public static async Task<AzuriteServices> StartAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {RepoPaths.Root}.");
        }

        int[] ports = [AzuriteFixture.FreePort(), AzuriteFixture.FreePort(), AzuriteFixture.FreePort()];
        var start = new ProcessStartInfo(script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1" }
            .Concat(["--blobPort", Text(ports[0]), "--queuePort", Text(ports[1]), "--tablePort", Text(ports[2])])
            .Concat(["--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--silent"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var services = new AzuriteServices(process, ports[0], ports[1], ports[2]);
        try
        {
            foreach (var port in ports)
            {
                await WaitUntilListeningAsync(port, process);
            }
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }

        return services;
    }

    /// <summary>Stops Azurite by its PID (in memory: nothing to save).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        process.Dispose();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task WaitUntilListeningAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }

            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 60 s.");
    }
}
