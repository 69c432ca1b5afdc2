using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

/// <summary>Names are text, not UTF-16 code units: labels cut by grapheme, matches made on one documented form.</summary>
public sealed class HolderNamesTests
{
    [Theory]
    [InlineData("😀Zoé", "Dupont", "Z. DUPONT")]
    [InlineData("Éloïse", "D'Argent-de La Tour", "É. D'ARGENT-DE LA TOUR")]
    [InlineData("😀", "Dupont", "😀. DUPONT")]
    [InlineData("e\\u0301mile", "Zola", "É. ZOLA")]
    [InlineData("Jean", "Dupont-Villeneuve-de-la-Grande-Rivière", "J. DUPONT-VILLENEUVE-DE-LA")]
    [InlineData("Jean", "Dupont-Villeneuve-de-la-Gran😀😀", "J. DUPONT-VILLENEUVE-DE-LA")]
    [InlineData("Antoine", "de Saint-Exupéry-Rochechouart de Mortemart", "A. DE SAINT-EXUPÉRY")]
    [InlineData("Jean", "Wolfeschlegelsteinhausenbergerdorff", "J. WOLFESCHLEGELSTEINHAUSENBERGE")]
    public void LabelTakesTheFirstLetterAndCutsByWholeTextElements(string given, string family, string label)
    {
        var made = HolderNames.Label(HolderNames.Clean(System.Text.RegularExpressions.Regex.Unescape(given))!, HolderNames.Clean(family)!);

        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(label).Normalize(), made);
        Assert.InRange(made.Length, 1, AccessPmc.PassFormat.ClaimsCbor.MaxLabelLength);
        Assert.False(char.IsHighSurrogate(made[^1]), "A label must never end in half a surrogate pair.");
    }

    [Theory]
    [InlineData("He\\u0301le\\u0300ne", "D\\u2019Argent")]
    [InlineData("HÉLÈNE", "d'argent")]
    [InlineData("  Hélène ", "D'Argent")]
    [InlineData("Hélène", "D`Argent")]
    [InlineData("Hélène", "D\\u02BCArgent")]
    public void SpellingVariantsOfOneNameShareTheMatchKey(string given, string family)
    {
        var reference = HolderNames.MatchKey("Hélène", "D'Argent");

        Assert.Equal(reference, HolderNames.MatchKey(HolderNames.Clean(System.Text.RegularExpressions.Regex.Unescape(given))!, HolderNames.Clean(System.Text.RegularExpressions.Regex.Unescape(family))!));
    }

    [Theory]
    [InlineData("Jean  Pierre", "Dupont", "Jean Pierre", "Dupont")]
    [InlineData("Jean-Pierre", "Dupont", "Jean\\u2010Pierre", "Dupont")]
    public void SpacesAndHyphensAreUnified(string given1, string family1, string given2, string family2) =>
        Assert.Equal(HolderNames.MatchKey(given1, family1), HolderNames.MatchKey(System.Text.RegularExpressions.Regex.Unescape(given2), family2));

    [Theory]
    [InlineData("Hélène", "Dupont", "Helene", "Dupont")]
    [InlineData("Jean", "Dupont", "Jeanne", "Dupont")]
    public void DifferentNamesDoNotMatch(string given1, string family1, string given2, string family2) =>
        Assert.NotEqual(HolderNames.MatchKey(given1, family1), HolderNames.MatchKey(given2, family2));

    [Theory]
    [InlineData("\\ud83d")]
    [InlineData("Zo\\udc00e")]
    [InlineData("Jean\\u0007")]
    [InlineData("   ")]
    public void IllFormedOrEmptyNamesAreRefused(string name) =>
        Assert.Null(HolderNames.Clean(System.Text.RegularExpressions.Regex.Unescape(name)));
}
