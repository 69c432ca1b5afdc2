using System.Text.RegularExpressions;

namespace AccessPmc.PassFormat;

/// <summary>Site codes as a pass carries them: 1 to 16 capitals, digits or '-' (docs/pass-format.md).</summary>
public static partial class SiteCodes
{
    public const int MaxLength = 16;

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    // \z, not $: '$' also matches before a final newline (a fuzz finding).
    [GeneratedRegex(@"^[A-Z0-9-]{1,16}\z")]
    private static partial Regex Pattern();
}
