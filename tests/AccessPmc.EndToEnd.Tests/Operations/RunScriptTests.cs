using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AccessPmc.EndToEnd.Tests.Operations;

/// <summary>scripts/run.sh never reuses a process on the Azurite port without checking it is Azurite.</summary>
public sealed class RunScriptTests
{
    [Fact]
    public async Task SomethingOtherThanAzuriteOnTheTablePortIsRefusedBeforeAnythingStarts()
    {
        using var foreign = new TcpListener(IPAddress.Loopback, 0);
        foreign.Start();
        var port = ((IPEndPoint)foreign.LocalEndpoint).Port;
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AZURITE_TABLE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["PORT"] = "0" },
        };

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"Port {port} is taken by something that is not Azurite's table service", await errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Azurite: started", await output, StringComparison.Ordinal);
    }
}
