using System.Diagnostics;

namespace AccessPmc.Tests.Infrastructure;

/// <summary>Runs a command-line tool from Debian's packages, with a deadline; a missing tool fails with how to get it.</summary>
public static class Tool
{
    public static async Task RunAsync(string path, string package, params string[] arguments)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: apt-get install -y {package} (.ci/run installs it).");
        }

        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.StandardOutput.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(path)} failed: {await errors}");
    }
}
