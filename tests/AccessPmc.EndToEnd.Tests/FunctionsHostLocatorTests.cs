using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Where the real-host tests find the Functions host, and what they say when there is none.</summary>
[Trait("Host", "Functions")]
public sealed class FunctionsHostLocatorTests
{
    private static readonly DirectoryInfo Sandbox = Directory.CreateTempSubdirectory("locator");

    private static string Dir(string relative) => Directory.CreateDirectory(Path.Combine(Sandbox.FullName, Guid.NewGuid().ToString("N"), relative)).FullName;

    [Fact]
    public void CoreToolsOnThePathComesFirstAndStartsInTheAppOutput()
    {
        var bin = Dir("bin");
        File.WriteAllText(Path.Combine(bin, "func"), "");
        var repo = Dir("repo");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(repo, "..", "shared", "functions-host")).FullName, "host.sh"), "");

        var command = FunctionsHostLocator.Find("/app/out", 7181, "/nowhere" + Path.PathSeparator + bin, repo);

        Assert.Equal(("Core Tools", Path.Combine(bin, "func"), "/app/out"), (command!.Kind, command.FileName, command.WorkingDirectory));
        Assert.Equal(["start", "--port", "7181", "--dotnet-isolated"], command.Arguments);
    }

    [Fact]
    public void WithoutCoreToolsTheSharedHostScriptBesideTheRepositoryRunsTheAppOutput()
    {
        var repo = Dir("repo");
        var script = Path.Combine(Directory.CreateDirectory(Path.Combine(repo, "..", "shared", "functions-host")).FullName, "host.sh");
        File.WriteAllText(script, "");

        var command = FunctionsHostLocator.Find("/app/out", 7181, Dir("empty-bin"), repo);

        Assert.Equal(("host.sh", Path.GetFullPath(script)), (command!.Kind, command.FileName));
        Assert.Equal(["/app/out", "7181"], command.Arguments);
    }

    [Fact]
    public void WithNeitherThereIsNoCommandAndOneLineSaysHowToGetAHost()
    {
        Assert.Null(FunctionsHostLocator.Find("/app/out", 7181, Dir("empty-bin"), Dir("repo")));
        Assert.DoesNotContain('\n', FunctionsHostLocator.NotFound);
        Assert.Contains("Core Tools", FunctionsHostLocator.NotFound, StringComparison.Ordinal);
        Assert.Contains("../shared/functions-host/host.sh", FunctionsHostLocator.NotFound, StringComparison.Ordinal);
    }
}
