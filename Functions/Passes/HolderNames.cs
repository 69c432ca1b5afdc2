using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccessPmc.Functions.Text;
using AccessPmc.PassFormat;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// Holder names: what a valid name is, the label a pass shows, and the key names are matched on.
/// Text is handled by Unicode scalar values and text elements (grapheme clusters), never by UTF-16
/// code units, so an emoji or a combining accent is never cut in half. A valid name is the shared free-text
/// rule (<see cref="FreeText"/>) with at least one letter.
/// </summary>
public static class HolderNames
{
    public const int MaxLength = 64;

    private static readonly char[] Apostrophes = ['\u2019', '\u2018', '\u02BC', '\u02B9', '`', '\u00B4', '\u2032'];
    private static readonly char[] Hyphens = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];

    /// <summary>A given name: the shared free-text rule (D62), and at least one letter.</summary>
    public static readonly TextField Given = new("givenName", MaxLength, NeedsLetter: true);

    /// <inheritdoc cref="Given"/>
    public static readonly TextField Family = new("familyName", MaxLength, NeedsLetter: true);

    /// <summary>
    /// A name to find holders by (access, erasure): looser than <see cref="Given"/> on purpose. Names stored before
    /// the free-text rule (D62) may hold invisible characters, and their holders keep their rights; so a search
    /// takes any name that could ever have been stored: well-formed, trimmed, in NFC, without control characters.
    /// </summary>
    public static Checked<string> Searched(TextField field, string? value)
    {
        var text = value is null || FreeText.LoneSurrogate(value) is not null ? null : value.Normalize(NormalizationForm.FormC).Trim();
        return text is { Length: > 0 } && text.Length <= field.MaxLength * FreeText.MaxUnitsPerCharacter && !text.Any(char.IsControl)
            ? text
            : Violation.Invalid(Contracts.ErrorCodes.ValidationFailed, field.Name, $"{field.Name}: the name as on the holder's passes (well-formed Unicode, no control characters).");
    }

    /// <summary>
    /// UTF-16 units the initial may take in the label: a letter with its marks fits; a longer text element (a run
    /// of conjoining jamo is one) is cut to its first character, so the family name always keeps two thirds.
    /// </summary>
    private const int MaxInitialLength = ClaimsCbor.MaxLabelLength / 3;

    /// <summary>
    /// "J. DUPONT": the first letter of the given name (a whole text element; the first text element when
    /// none is a letter), then the family name in capitals, cut by whole text elements to fit
    /// <see cref="ClaimsCbor.MaxLabelLength"/> UTF-16 units. A name that does not fit is cut after its last whole
    /// word (at a space or hyphen) when that keeps at least half the label, so an agent reads words, not stumps.
    /// Both parts always show: a text element too long for its part (a run of conjoining jamo, a chain of joined
    /// emoji) is cut by characters instead.
    /// </summary>
    public static string Label(string given, string family)
    {
        var initial = TextElements(given).FirstOrDefault(e => char.IsLetter(e, 0)) ?? TextElements(given).First();
        if (initial.Length > MaxInitialLength)
        {
            initial = Rune.GetRuneAt(initial, 0).ToString();
        }

        var label = new StringBuilder(initial.ToUpperInvariant()).Append(". ");
        var prefix = label.Length;
        var cut = false;
        foreach (var element in TextElements(family.ToUpperInvariant()))
        {
            if (label.Length + element.Length > ClaimsCbor.MaxLabelLength)
            {
                // A first element too long for the label on its own is cut by characters: a label never loses the family name.
                var room = label.Length == prefix ? ClaimsCbor.MaxLabelLength - label.Length : 0;
                foreach (var rune in element.EnumerateRunes().TakeWhile(r => (room -= r.Utf16SequenceLength) >= 0))
                {
                    label.Append(rune.ToString());
                }

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
}
