using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Text;

namespace AccessPmc.Tests.Text;

/// <summary>
/// The one rule for free text (D62): nothing invisible, nothing that reorders or hides its neighbours, lengths
/// counted as people count. Inputs are written escaped (\uXXXX) so the test file itself shows them.
/// </summary>
public sealed class FreeTextTests
{
    private static readonly TextField Name = new("givenName", 64, NeedsLetter: true);
    private static readonly TextField Label = new("name", 64, NeedsLetter: false);

    [Theory]
    [InlineData("\\u200b", "U+200B")]
    [InlineData("\\u202eTNOPUD", "U+202E")]
    [InlineData("Jean\\u202d", "U+202D")]
    [InlineData("Je\\u2066an", "U+2066")]
    [InlineData("Je\\u200ean", "U+200E")]
    [InlineData("\\u061cJean", "U+061C")]
    [InlineData("\\ufeffJean", "U+FEFF")]
    [InlineData("\\u3164", "U+3164")]
    [InlineData("Jean\\u1160", "U+1160")]
    [InlineData("\\u115fJean", "U+115F")]
    [InlineData("Jean\\uffa0", "U+FFA0")]
    [InlineData("Je\\u034fan", "U+034F")]
    [InlineData("Je\\u00adan", "U+00AD")]
    [InlineData("Jean\\ue000", "U+E000")]
    [InlineData("\\u2800", "U+2800")]
    [InlineData("Jean\\u2028Pierre", "U+2028")]
    [InlineData("a\\u0000b", "U+0000")]
    [InlineData("Jean\\u0378", "U+0378")]
    [InlineData("Jean\\ufffd", "U+FFFD")]
    [InlineData("Zo\\udc00e", "U+DC00")]
    public void InvisibleOrReorderingCharactersAreRefusedByCodePoint(string value, string code)
    {
        var violation = Name.Check(Regex.Unescape(value)).Violation;

        Assert.NotNull(violation);
        Assert.Equal((ErrorCodes.ValidationFailed, "givenName"), (violation.Code, violation.Field));
        Assert.Contains(code, violation.Message, StringComparison.Ordinal);
        Assert.StartsWith("givenName: ", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\u0646\\u06cc\\u06a9\\u200c\\u0646\\u0627\\u0645")] // Persian: ZWNJ between two letters
    [InlineData("\\u0915\\u094d\\u200d\\u0937")] // Devanagari: ZWJ after a virama, before a letter
    [InlineData("\\u0915\\u094d\\u200c\\u0937")]
    [InlineData("Nguy\\u1ec5n")]
    [InlineData("\\u05e9\\u05c1\\u05b8\\u05bc\\u05b8")] // Hebrew letter with three points
    [InlineData("O\\u2019Brien-Smith")]
    [InlineData("Jean\\u00a0Pierre")]
    public void RealNamesInEveryScriptAreKept(string value)
    {
        var text = Regex.Unescape(value);

        Assert.Equal(text.Normalize(), Name.Check(text).Value);
    }

    [Theory]
    [InlineData("\\u200dJean")]
    [InlineData("Jean\\u200c")]
    [InlineData("Je\\u200c\\u200can")]
    [InlineData("Jean \\u200d Pierre")]
    [InlineData("1\\u200d2")]
    public void JoinersAnywhereButBetweenTwoLettersAreRefused(string value) =>
        Assert.Contains("U+200", Name.Check(Regex.Unescape(value)).Violation?.Message, StringComparison.Ordinal);

    [Fact]
    public void JoinerInsideAnEmojiSequenceIsKept() =>
        Assert.Null(Label.Check("gate \U0001F469\u200D\U0001F4BB").Violation);

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(62, false)]
    public void AtMostFourCombiningMarksInARow(int marks, bool kept)
    {
        // Overlays (U+0334-U+0338) never compose with "a", so NFC keeps every one of them.
        var zalgo = "a" + string.Concat(Enumerable.Range(0, marks).Select(i => (char)(0x0334 + (i % 5))));

        var violation = Name.Check(zalgo + "lice").Violation;

        Assert.Equal(kept, violation is null);
        Assert.True(kept || violation!.Message.Contains("combining marks", StringComparison.Ordinal), violation?.Message);
    }

    [Theory]
    [InlineData("1234", "givenName: needs at least one visible letter.")]
    [InlineData("\\u0301", "givenName: needs at least one visible letter.")]
    [InlineData("  ", "givenName: required, 1 to 64 characters (counted as people see them: a letter with its accents, or an emoji, is one).")]
    [InlineData("😀", "givenName: needs at least one visible letter.")]
    public void ANameNeedsAVisibleLetter(string value, string message) =>
        Assert.Equal(message, Name.Check(Regex.Unescape(value)).Violation?.Message);

    [Fact]
    public void OtherTextNeedsAVisibleCharacter()
    {
        Assert.Equal("name: needs at least one visible character.", Label.Check("\u00a0\u0301").Violation?.Message);
        Assert.Equal("gate-1", Label.Check(" gate-1 ").Value);
    }

    [Fact]
    public void LengthCountsTextElementsNotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 64));
        var flags = string.Concat(Enumerable.Repeat("\U0001F1EB\U0001F1F7", 64));

        Assert.Equal(emoji, Label.Check(emoji).Value);
        Assert.Equal(flags, Label.Check(flags).Value);
        Assert.Equal(string.Concat(Enumerable.Repeat("é", 64)), Name.Check(string.Concat(Enumerable.Repeat("e\u0301", 64))).Value);
        Assert.EndsWith("this one has 65.", Label.Check(emoji + "\U0001F600").Violation?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneEndlessTextElementIsBoundedInStorage()
    {
        // Joined emoji are one text element however many there are: the storage bound catches them.
        var chain = string.Join("\u200D", Enumerable.Repeat("\U0001F469", 200));

        Assert.Contains("UTF-16 code units", Label.Check(chain).Violation?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PMC\u202eX", 20, "PMC<U+202E>X")]
    [InlineData("a\u200bb", 20, "a<U+200B>b")]
    [InlineData("abcdef", 3, "abc…")]
    public void CallerTextQuotedInAMessageShowsWhatItHides(string text, int max, string quoted) =>
        Assert.Equal(quoted, FreeText.Quoted(Regex.Unescape(text), max));
}
