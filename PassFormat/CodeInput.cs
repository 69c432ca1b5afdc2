using AccessPmc.Contracts;

namespace AccessPmc.PassFormat;

/// <summary>
/// What scanners do to codes in transit, and what may be done about it (docs/pass-format.md, "Input").
/// Trimming and upper-casing are unambiguous for this format — a Base45 text never ends with a space or
/// punctuation (its last character encodes at most 32) and has no lower case — so they are repaired before
/// reading. Other damage is only recognised and named (<see cref="VerifyHints"/>): the code as received
/// stays refused, and only its signature ever makes a code valid.
/// </summary>
public static class CodeInput
{
    private const string Base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    /// <summary>
    /// Spaces considered for '+' (2^n candidates), and signatures checked at most, per code: a bound on the work a
    /// code can cause (64 ES256 verifications, a few milliseconds). Spaces that fall in the signature cannot be
    /// told apart without cryptography, so every code of up to 6 spaces is recognised, and longer ones while
    /// at most 64 of their candidates are well formed.
    /// </summary>
    private const int MaxSpaces = 10;
    private const int MaxSignatureChecks = 64;

    /// <summary>
    /// Surrounding white space (spaces, CR, LF, TAB) removed and ASCII letters upper-cased (other characters
    /// are never valid, and are kept as they came for <see cref="DamageHint"/>); null stays null. Input far over
    /// <see cref="PassCodec.MaxCodeLength"/> is returned as is, for the reader to refuse before any work.
    /// </summary>
    public static string? Normalize(string? raw) =>
        raw is null || raw.Length > 2 * PassCodec.MaxCodeLength
            ? raw
            : string.Create(raw.Trim(' ', '\r', '\n', '\t').Length, raw.Trim(' ', '\r', '\n', '\t'), (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    span[i] = char.IsAsciiLetterLower(text[i]) ? (char)(text[i] - 32) : text[i];
                }
            });

    /// <summary>
    /// How a code that did not read (<paramref name="code"/>, already normalized) seems to have been damaged:
    /// <c>plus_as_space</c> when putting back '+' for ' ' makes its signature hold; <c>url_decoded</c> when
    /// re-encoding characters a URL decoder produces does; <c>keyboard_layout</c> for the marks a QWERTY
    /// scanner leaves on an AZERTY machine (':' typed as 'M', '-' as ')', '/' as '!'). Null when none fits.
    /// </summary>
    public static string? DamageHint(string code, PassCodec codec)
    {
        if (code.Length > PassCodec.MaxCodeLength)
        {
            return null;
        }

        if (LooksTypedOnAzerty(code))
        {
            return VerifyHints.KeyboardLayout;
        }

        if (PlusesReadAsSpaces(code, codec))
        {
            return VerifyHints.PlusAsSpace;
        }

        return code.Any(c => !Base45Alphabet.Contains(c, StringComparison.Ordinal)) && Genuine(PercentEncodeStrays(code), codec)
            ? VerifyHints.UrlDecoded
            : null;
    }

    /// <summary>
    /// Codes hold spaces of their own, so which spaces were '+' is unknown: each choice is tried, those that are
    /// not well formed (header, key id, claims: <see cref="PassCodec.IsWellFormed"/>) are dropped without
    /// cryptography, and at most <see cref="MaxSignatureChecks"/> signatures are checked.
    /// </summary>
    private static bool PlusesReadAsSpaces(string code, PassCodec codec)
    {
        var spaces = Enumerable.Range(0, code.Length).Where(i => code[i] == ' ').ToArray();
        if (spaces.Length is 0 or > MaxSpaces)
        {
            return false;
        }

        var checks = 0;
        var candidate = code.ToCharArray();
        for (var mask = 1; mask < 1 << spaces.Length && checks < MaxSignatureChecks; mask++)
        {
            for (var bit = 0; bit < spaces.Length; bit++)
            {
                candidate[spaces[bit]] = (mask & (1 << bit)) != 0 ? '+' : ' ';
            }

            var text = new string(candidate);
            if (codec.IsWellFormed(text) && checks++ < MaxSignatureChecks && Genuine(text, codec))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksTypedOnAzerty(string code) =>
        code.StartsWith("PMC1M", StringComparison.Ordinal) || code.StartsWith("P?C&M", StringComparison.Ordinal)
        || (code.StartsWith(PassCodec.Prefix, StringComparison.Ordinal) && code.AsSpan(PassCodec.Prefix.Length).IndexOfAny(")!") >= 0);

    // A URL decoder turned "%XX" into one character: write such characters back as "%XX".
    private static string PercentEncodeStrays(string code) =>
        string.Concat(code.Select(c => Base45Alphabet.Contains(c, StringComparison.Ordinal) || c > '\u00FF' ? c.ToString() : $"%{(int)c:X2}"));

    private static bool Genuine(string candidate, PassCodec codec) => codec.Read(candidate).Claims is not null;
}
