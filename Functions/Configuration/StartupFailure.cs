using System.Text.RegularExpressions;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// Why the app did not start, as the one line both hosts print (no stack trace), and whether it is a
/// refusal: a setting to fix, where restarting cannot help (SelfHost exits <see cref="RefusalExitCode"/>,
/// which the systemd unit does not restart) rather than a failure that may pass (exit 1).
/// </summary>
public sealed partial record StartupFailure(bool IsRefusal, string Line)
{
    public const int RefusalExitCode = 2;

    public const int FailureExitCode = 1;

    public int ExitCode => IsRefusal ? RefusalExitCode : FailureExitCode;

    /// <summary>Settings errors (ours, options validation, values the binder cannot convert) are refusals; anything else a failure.</summary>
    public static StartupFailure From(Exception error)
    {
        var parts = Flatten(error).Select(Describe).ToList();
        // Distinct: an options type registered for start-up validation by two features fails twice alike.
        return new StartupFailure(parts.TrueForAll(p => p.IsRefusal), string.Join("; ", parts.SelectMany(p => p.Line.Split("; ")).Distinct()));
    }

    private static IEnumerable<Exception> Flatten(Exception error) =>
        error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error];

    private static StartupFailure Describe(Exception error) => error switch
    {
        SettingsException e => new(true, OneLine(e.Message)),
        OptionsValidationException e => new(true, string.Join("; ", e.Failures.Select(Validation))),
        InvalidOperationException e when Unconvertible().Match(e.Message) is { Success: true } m =>
            new(true, $"{SettingNames.FromConfigurationPath(m.Groups["path"].Value)}: cannot be read as {m.Groups["type"].Value.Split('.')[^1]}."),
        _ => new(false, $"{error.GetType().Name}: {OneLine(error.Message)}"),
    };

    /// <summary>A validation failure that starts with the setting it is about.</summary>
    private static string Validation(string failure)
    {
        var line = OneLine(SettingNames.Translate(failure));
        return SettingNames.FirstIn(line) is { } setting && !line.StartsWith(setting, StringComparison.Ordinal)
            ? $"{setting}: {MemberPrefix().Replace(line, "")}"
            : line;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>The member name data annotations put before their message ("Code: The field …").</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_]+: ")]
    private static partial Regex MemberPrefix();

    /// <summary>The configuration binder's message for a value it cannot convert (the value itself is not repeated).</summary>
    [GeneratedRegex(@"^Failed to convert configuration value (?:'.*' )?at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex Unconvertible();
}
