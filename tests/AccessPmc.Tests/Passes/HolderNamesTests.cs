using System.Text.RegularExpressions;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

/// <summary>Names are text, not UTF-16 code units: labels cut by grapheme, matches made on one documented form.</summary>
public sealed class HolderNamesTests
{
    [Theory]
    [InlineData("😀Zoé", "Dupont", "Z. DUPONT")]
    [InlineData("Éloïse", "D'Argent-de La Tour", "É. D'ARGENT-DE LA TOUR")]
    [InlineData("e\\u0301mile", "Zola", "É. ZOLA")]
    [InlineData("Jean", "Dupont-Villeneuve-de-la-Grande-Rivière", "J. DUPONT-VILLENEUVE-DE-LA")]
    [InlineData("Jean", "Dupont-Villeneuve-de-la-Gran😀😀", "J. DUPONT-VILLENEUVE-DE-LA")]
    [InlineData("Antoine", "de Saint-Exupéry-Rochechouart de Mortemart", "A. DE SAINT-EXUPÉRY")]
    [InlineData("Jean", "Wolfeschlegelsteinhausenbergerdorff", "J. WOLFESCHLEGELSTEINHAUSENBERGE")]
    public void LabelTakesTheFirstLetterAndCutsByWholeTextElements(string given, string family, string label)
    {
        var made = HolderNames.Label(Clean(given), Clean(family));

        Assert.Equal(Regex.Unescape(label).Normalize(), made);
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

        Assert.Equal(reference, HolderNames.MatchKey(Clean(given), Clean(family)));
    }

    [Theory]
    [InlineData("Jean  Pierre", "Dupont", "Jean Pierre", "Dupont")]
    [InlineData("Jean-Pierre", "Dupont", "Jean\\u2010Pierre", "Dupont")]
    public void SpacesAndHyphensAreUnified(string given1, string family1, string given2, string family2) =>
        Assert.Equal(HolderNames.MatchKey(given1, family1), HolderNames.MatchKey(Regex.Unescape(given2), family2));

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
        Assert.NotNull(HolderNames.Given.Check(Regex.Unescape(name)).Violation);

    [Theory]
    [InlineData("\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100", "Dupont", "\\u1100. DUPONT")]
    [InlineData("Jean", "\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100", "J. \\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100\\u1100")]
    [InlineData("a\\u0301\\u0302\\u0303\\u0304", "Dupont", "\\u00C1\\u0302\\u0303\\u0304. DUPONT")]
    public void LabelKeepsBothTheInitialAndTheFamilyNameWhateverTheirTextElements(string given, string family, string label)
    {
        // A run of conjoining jamo is one text element of any length: it must not crowd the other part out.
        var made = HolderNames.Label(Clean(given), Clean(family));

        Assert.Equal(Regex.Unescape(label), made);
        Assert.InRange(made.Length, 1, AccessPmc.PassFormat.ClaimsCbor.MaxLabelLength);
    }

    private static string Clean(string name) => HolderNames.Given.Check(Regex.Unescape(name)).Value!;
}
