using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccessPmc.PassFormat;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// Holder names: what a valid name is, the label a pass shows, and the key names are matched on.
/// Text is handled by Unicode scalar values and text elements (grapheme clusters), never by UTF-16
/// code units, so an emoji or a combining accent is never cut in half.
/// </summary>
public static class HolderNames
{
    public const int MaxLength = 64;

    private static readonly char[] Apostrophes = ['\u2019', '\u2018', '\u02BC', '\u02B9', '`', '\u00B4', '\u2032'];
    private static readonly char[] Hyphens = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];

    /// <summary>
    /// A given or family name, trimmed and in NFC: 1 to <see cref="MaxLength"/> UTF-16 units, well-formed
    /// Unicode (no lone surrogate), no control character; else null.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (value is null || !IsWellFormed(value))
        {
            return null;
        }

        var name = value.Normalize(NormalizationForm.FormC).Trim();
        return name.Length is > 0 and <= MaxLength && !name.Any(char.IsControl) ? name : null;
    }

    /// <summary>
    /// "J. DUPONT": the first letter of the given name (a whole text element; the first text element when
    /// none is a letter), then the family name in capitals, cut by whole text elements to fit
    /// <see cref="ClaimsCbor.MaxLabelLength"/> UTF-16 units. A name that does not fit is cut after its last whole
    /// word (at a space or hyphen) when that keeps at least half the label, so an agent reads words, not stumps.
    /// </summary>
    public static string Label(string given, string family)
    {
        var initial = TextElements(given).FirstOrDefault(e => char.IsLetter(e, 0)) ?? TextElements(given).First();
        var label = new StringBuilder(initial.ToUpperInvariant()).Append(". ");
        var prefix = label.Length;
        var cut = false;
        foreach (var element in TextElements(family.ToUpperInvariant()))
        {
            if (label.Length + element.Length > ClaimsCbor.MaxLabelLength)
            {
                cut = true;
                break;
            }

            label.Append(element);
        }

        var text = label.ToString();
        var lastWord = text.LastIndexOfAny([' ', '-']);
        return (cut && lastWord >= prefix && lastWord >= ClaimsCbor.MaxLabelLength / 2 ? text[..lastWord] : text).TrimEnd(' ', '-');
    }

    /// <summary>
    /// The key a holder is found by (GDPR access and erasure), the same when storing and when searching:
    /// SHA-256 (hex) of "given␟family" after NFKC, case folding (upper-case invariant), apostrophes and
    /// hyphens unified to ' and -, and runs of white space collapsed to one space. A hash, so the key
    /// repeats no name; it is erased with the names.
    /// </summary>
    public static string MatchKey(string given, string family) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fold(given) + "\u241F" + Fold(family))));

    private static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToUpperInvariant())
        {
            var mapped = Array.IndexOf(Apostrophes, c) >= 0 ? '\'' : Array.IndexOf(Hyphens, c) >= 0 ? '-' : char.IsWhiteSpace(c) ? ' ' : c;
            if (mapped != ' ' || (folded.Length > 0 && folded[^1] != ' '))
            {
                folded.Append(mapped);
            }
        }

        return folded.ToString().TrimEnd();
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
