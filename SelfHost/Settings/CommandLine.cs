namespace AccessPmc.SelfHost.Settings;

/// <summary>
/// SelfHost's own options. Paths default to the build output, where functions.metadata and host.json
/// are copied; ASP.NET Core's own settings (ASPNETCORE_URLS...) still apply through the environment.
/// </summary>
public sealed record CommandLine(string? SettingsPath, bool NoLocalSettings, int? Port, string MetadataPath, string HostJsonPath)
{
    public const string Usage = "usage: AccessPmc.SelfHost [--settings PATH | --no-local-settings] [--port N] [--metadata PATH] [--host-json PATH]";

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLine(null, false, null, Path.Combine(AppContext.BaseDirectory, "functions.metadata"), Path.Combine(AppContext.BaseDirectory, "host.json"));
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new SelfHostStartupException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--settings" => options with { SettingsPath = Value() },
                "--no-local-settings" => options with { NoLocalSettings = true },
                "--port" => options with { Port = int.TryParse(Value(), out var p) && p is >= 0 and <= 65535 ? p : throw new SelfHostStartupException($"--port: not a port number. {Usage}") },
                "--metadata" => options with { MetadataPath = Value() },
                "--host-json" => options with { HostJsonPath = Value() },
                _ => throw new SelfHostStartupException($"unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }
}
