using System.Text.RegularExpressions;
using AccessPmc.Functions.Storage;
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

    /// <summary>
    /// The binder's "Failed to convert configuration value 'x' at 'A:B' to type 'System.Int32'" as
    /// <c>A__B: cannot be read as a whole number…</c>, or null for another message. The value itself is
    /// not repeated: it may be a key.
    /// </summary>
    public static string? Unreadable(string message) =>
        Unconvertible().Match(message) is { Success: true } m
            ? $"{SettingNames.FromConfigurationPath(m.Groups["path"].Value)}: cannot be read as {Form(m.Groups["type"].Value.Split('.')[^1])}"
            : null;

    private static IEnumerable<Exception> Flatten(Exception error) =>
        error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error];

    private static StartupFailure Describe(Exception error) => error switch
    {
        SettingsException e => new(true, OneLine(e.Message)),
        OptionsValidationException e => new(true, string.Join("; ", e.Failures.Select(Validation))),
        InvalidOperationException e when Unreadable(e.Message) is { } line => new(true, line),
        StorageUnreachableException e => new(false, OneLine(e.Message)),
        _ => new(false, $"{error.GetType().Name}: {OneLine(error.Message)}"),
    };

    /// <summary>The expected form of a value, as the operator would write it.</summary>
    private static string Form(string type) => type switch
    {
        "Int32" or "Int64" or "Int16" or "UInt32" or "UInt64" or "UInt16" or "Byte" => "a whole number (digits only, e.g. 1500).",
        "Boolean" => "true or false.",
        "TimeSpan" => "a duration, days.hours:minutes:seconds: e.g. 366.00:00:00 for 366 days, 00:30:00 for 30 minutes.",
        "Double" or "Single" or "Decimal" => "a number (e.g. 2.5).",
        "DateTimeOffset" or "DateTime" => "a date and time (e.g. 2026-01-31T08:00:00Z).",
        "Uri" => "a URL (e.g. https://pass.example.fr/).",
        _ => $"a {type}.",
    };

    /// <summary>A validation failure that starts with the setting it is about, without the member name data annotations put first.</summary>
    private static string Validation(string failure)
    {
        var line = OneLine(SettingNames.Translate(DataAnnotation().Replace(failure, "${error}")));
        if (SettingNames.Leading(line) is not null)
        {
            return line;
        }

        var bare = MemberPrefix().Replace(line, "");
        return SettingNames.Leading(bare) is not null ? bare
            : SettingNames.FirstIn(line) is { } setting ? $"{setting}: {bare}"
            : line;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>The member name data annotations put before their message ("Code: The field …").</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_]+: ")]
    private static partial Regex MemberPrefix();

    /// <summary>Reflection-based <c>ValidateDataAnnotations</c> wraps each message; the message itself is what the operator needs.</summary>
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotation();

    /// <summary>The configuration binder's message for a value it cannot convert.</summary>
    [GeneratedRegex(@"^Failed to convert configuration value (?:'.*' )?at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex Unconvertible();
}
