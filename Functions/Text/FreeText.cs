using System.Globalization;
using System.Text;
using AccessPmc.Contracts;

namespace AccessPmc.Functions.Text;

/// <summary>
/// A free-text field of the API (a holder's name, a revocation reason, a client's name) and its one rule,
/// <see cref="FreeText.Check"/>. <paramref name="MaxLength"/> counts characters as people see them (text
/// elements); <paramref name="NeedsLetter"/> is true for names, which must hold a letter, not just marks or digits.
/// </summary>
public sealed record TextField(string Name, int MaxLength, bool NeedsLetter)
{
    /// <inheritdoc cref="FreeText.Check"/>
    public Checked<string> Check(string? value) => FreeText.Check(this, value);
}

/// <summary>
/// The one rule for text people type and other people read (D62). Such text is shown where it cannot be
/// questioned: a name in a signed QR label read by an agent at a gate, a reason in a list, a client in a log.
/// So it must look like what it is: no character that is invisible or that changes how its neighbours are shown
/// (bidi overrides turn "\u202ETNOPUD" into "DUPONT"), no stack of combining marks that hides what follows, and
/// something visible in it. The value is trimmed and in NFC; a refusal names the field and the character.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// Combining marks allowed in a row on one character: Vietnamese, Hebrew with points and cantillation, Thai
    /// and Indic vowel signs stay within it; "zalgo" text (dozens of marks) does not.
    /// </summary>
    public const int MaxMarksInARow = 4;

    /// <summary>
    /// UTF-16 code units per allowed character, a bound for storage only: no real text reaches it, but one text
    /// element has no length limit of its own (a chain of emoji joined by U+200D is one element).
    /// </summary>
    public const int MaxUnitsPerCharacter = 4;

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>
    /// The value, trimmed and in NFC, when it is 1 to <see cref="TextField.MaxLength"/> text elements of
    /// well-formed, visible text; else a 400 <c>validation_failed</c> naming the field and, when one is at fault,
    /// the character as U+XXXX.
    /// </summary>
    public static Checked<string> Check(TextField field, string? value)
    {
        var length = $"1 to {field.MaxLength} characters (counted as people see them: a letter with its accents, or an emoji, is one)";
        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid(field, $"{field.Name}: required, {length}.");
        }

        if (LoneSurrogate(value) is { } lone)
        {
            return Invalid(field, $"{field.Name}: {Code(lone)} is a lone surrogate (ill-formed Unicode).");
        }

        var text = value.Normalize(NormalizationForm.FormC).Trim();
        var elements = new StringInfo(text).LengthInTextElements;
        if (elements == 0 || elements > field.MaxLength)
        {
            return Invalid(field, $"{field.Name}: {length}; this one has {elements}.");
        }

        if (text.Length > field.MaxLength * MaxUnitsPerCharacter)
        {
            return Invalid(field, $"{field.Name}: at most {field.MaxLength * MaxUnitsPerCharacter} UTF-16 code units in all (only long chains of joined characters reach it); this one has {text.Length}.");
        }

        var runes = text.EnumerateRunes().ToArray();
        var marks = 0;
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            marks = IsMark(rune) ? marks + 1 : 0;
            if (marks > MaxMarksInARow)
            {
                return Invalid(field, $"{field.Name}: more than {MaxMarksInARow} combining marks in a row (from {Code(runes[i - MaxMarksInARow].Value)}): they would hide the characters around them.");
            }

            if (rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner)
            {
                if (!Joins(runes, i))
                {
                    return Invalid(field, $"{field.Name}: {Code(rune.Value)} (an invisible joiner) is allowed only between two letters, or between two emoji for U+200D.");
                }
            }
            else if (Unseen(rune) is { } what)
            {
                return Invalid(field, $"{field.Name}: {Code(rune.Value)} ({what}) is not allowed: it is invisible or changes how the text around it is shown.");
            }
        }

        if (field.NeedsLetter ? !runes.Any(Rune.IsLetter) : !runes.Any(IsVisible))
        {
            return Invalid(field, $"{field.Name}: needs at least one visible {(field.NeedsLetter ? "letter" : "character")}.");
        }

        return text;
    }

    /// <summary>What an invisible or display-changing character is, for the message; null for ordinary text.</summary>
    public static string? Unseen(Rune rune) => rune.Value switch
    {
        // Bidi controls reorder what follows them: the spoof at a gate. Always refused, whatever the context.
        0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => "a bidirectional control",

        // Letters and symbols by category, yet drawn as nothing: Hangul fillers, the blank braille pattern,
        // the combining grapheme joiner, Khmer's invisible inherent vowels.
        0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x034F or 0x17B4 or 0x17B5 => "an invisible filler",

        // What a wrong decoding leaves behind (D27): the text is damaged, not a name.
        0xFFFC or 0xFFFD => "a replacement character",
        _ => Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line break",
            UnicodeCategory.Format => "an invisible format character",
            UnicodeCategory.PrivateUse => "a private-use character",
            UnicodeCategory.OtherNotAssigned => "an unassigned code point",
            _ => null,
        },
    };

    /// <summary>
    /// A caller's text quoted back in a message ("Unknown site '…'"): at most <paramref name="max"/> characters
    /// (Unicode scalar values, never half a pair), each invisible or reordering one written as its U+XXXX, so
    /// the message reads the same in a log, a console or a terminal.
    /// </summary>
    public static string Quoted(string text, int max)
    {
        var runes = text.EnumerateRunes().ToList();
        var quoted = string.Concat(runes.Take(max).Select(r => Unseen(r) is null ? r.ToString() : $"<{Code(r.Value)}>"));
        return runes.Count > max ? quoted + "…" : quoted;
    }

    /// <summary>"U+202E": how a message names a character, since the character itself may not show.</summary>
    public static string Code(int value) => $"U+{value:X4}";

    private static Violation Invalid(TextField field, string message) => Violation.Invalid(ErrorCodes.ValidationFailed, field.Name, message);

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsVisible(Rune rune) => Rune.IsLetterOrDigit(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune);

    /// <summary>
    /// ZWNJ and ZWJ shape Persian and Indic words (after a letter or its vowel sign or virama, before a letter),
    /// and ZWJ also builds emoji sequences (👩‍💻). Anywhere else they only hide: at an edge, alone, doubled.
    /// </summary>
    private static bool Joins(Rune[] runes, int at)
    {
        var before = at - 1;
        while (before >= 0 && (IsMark(runes[before]) || Rune.GetUnicodeCategory(runes[before]) == UnicodeCategory.ModifierSymbol))
        {
            before--;
        }

        if (before < 0 || at + 1 >= runes.Length)
        {
            return false;
        }

        var (left, right) = (runes[before], runes[at + 1]);
        return (Rune.IsLetter(left) && Rune.IsLetter(right))
            || (runes[at].Value == ZeroWidthJoiner && IsPictograph(left) && IsPictograph(right));
    }

    private static bool IsPictograph(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;

    /// <summary>The first half of a surrogate pair that has no other half, or null when the text is well-formed.</summary>
    public static int? LoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return value[i];
            }
        }

        return null;
    }
}
