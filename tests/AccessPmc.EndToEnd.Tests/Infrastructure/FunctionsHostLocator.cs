namespace AccessPmc.EndToEnd.Tests.Infrastructure;

/// <summary>How to start the real Functions host over a built app: the program, its arguments, its working directory.</summary>
/// <param name="Kind">"Core Tools" or "host.sh", for messages.</param>
public sealed record FunctionsHostCommand(string Kind, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory);

/// <summary>
/// Finds the Functions host: Core Tools' <c>func</c> on PATH (a developer's or operator's machine),
/// else <c>../shared/functions-host/host.sh</c> beside the repository (these machines and CI).
/// </summary>
public static class FunctionsHostLocator
{
    public const string NotFound =
        "No Azure Functions host found: install Core Tools v4 ('func' on PATH, https://learn.microsoft.com/azure/azure-functions/functions-run-local) or provide ../shared/functions-host/host.sh beside the repository.";

    /// <summary>The command for <paramref name="appDirectory"/> on <paramref name="port"/>; null when neither host exists.</summary>
    /// <param name="path">The PATH to search (the process's own in tests).</param>
    public static FunctionsHostCommand? Find(string appDirectory, int port, string? path, string repoRoot)
    {
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (OnPath("func", path) is { } func)
        {
            // Core Tools runs the built output as is when started in it (no project file there to build).
            // --dotnet-isolated names the worker runtime; --csharp would select the in-process .NET host.
            return new FunctionsHostCommand("Core Tools", func, ["start", "--port", portText, "--dotnet-isolated"], appDirectory);
        }

        var script = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "functions-host", "host.sh"));
        return File.Exists(script) ? new FunctionsHostCommand("host.sh", script, [appDirectory, portText], appDirectory) : null;
    }

    private static string? OnPath(string program, string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
