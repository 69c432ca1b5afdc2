using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;
using UglyToad.PdfPig.Content;

namespace AccessPmc.Tests.Documents;

/// <summary>
/// Every text at the longest the settings and the rules allow: 16 sites with 60-character names, the longest
/// GDPR texts, two 64-character names, a revoked pass. Each layout still fits its page, in both languages.
/// </summary>
public sealed class DocumentWorstCaseTests(AzuriteFixture azurite) : AppTests(azurite, "docworst", Settings())
{
    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Documents:Organization"] = Text("Université des Sciences et Techniques — Plan de continuité ", 80),
            ["Documents:Controller"] = Text("Université des Sciences, 4 place Jussieu, 75005 Paris, représentée par sa présidente, ", 200),
            ["Documents:Contact"] = Text("délégué à la protection des données, dpo@universite-exemple.fr, 01 44 27 00 00, ", 120),
            ["Documents:PurposeFr"] = Text("contrôle de l’accès aux sites pendant le plan de continuité de l’activité, ", 300),
            ["Documents:PurposeEn"] = Text("control of access to the sites during the business continuity plan, ", 300),
        };
        for (var i = 0; i < 16; i++)
        {
            settings[$"AccessPmc:Sites:{i}:Code"] = $"S{i:D2}";
            settings[$"AccessPmc:Sites:{i}:Name"] = Text($"Campus {i} — bâtiment des sciences de la vie, aile ", DocumentOptionsValidator.MaxSiteName);
        }

        return settings;
    }

    [Theory]
    [InlineData(DocumentLayouts.A4, DocumentLanguages.French, A4Page.Margin)]
    [InlineData(DocumentLayouts.A4, DocumentLanguages.English, A4Page.Margin)]
    [InlineData(DocumentLayouts.Card, DocumentLanguages.French, 2.0)]
    [InlineData(DocumentLayouts.Card, DocumentLanguages.English, 2.0)]
    public async Task LongestTextsStillFitThePage(string layout, string lang, double margin)
    {
        var sites = Enumerable.Range(0, 16).Select(i => $"S{i:D2}").ToList();
        var pass = await App.IssuedAsync(
            new IssuePassRequest(new string('W', 62) + "🦄", Text("Wolfgang-Maximilian de La Tour d’Auvergne-Lauraguais ", 64), PassKinds.LongTerm, TestApp.Start, TestApp.Start.AddDays(300), sites, "PHYS"),
            TestApp.AdminKey);
        await App.RevokeAsync(pass.Id, key: TestApp.AdminKey);

        using var pdf = (await App.DocumentAsync(pass.Id, $"?layout={layout}&lang={lang}", TestApp.AdminKey)).Open();

        var page = pdf.GetPage(1);
        var text = pdf.Squashed(1);
        Assert.Contains(DocumentCalls.Squash(new string('W', 62) + "\uFFFD" + pass.FamilyName), text);
        if (layout == DocumentLayouts.A4)
        {
            Assert.Contains(DocumentCalls.Squash(Text($"Campus 15 — bâtiment des sciences de la vie, aile ", 60) + " (S15)"), text);
        }

        // Everything but the diagonal "RÉVOQUÉ" / "REVOKED", which is meant to cross the page.
        Assert.All(page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal), l => Assert.True(
            l.BoundingBox.Left >= margin - 0.5 && l.BoundingBox.Right <= page.Width - margin + 0.5
            && l.BoundingBox.Bottom >= margin - 0.5 && l.BoundingBox.Top <= page.Height - margin + 0.5,
            $"'{l.Value}' at {l.BoundingBox} leaves the printable area."));
    }

    /// <summary><paramref name="seed"/> repeated and cut to exactly <paramref name="length"/> characters.</summary>
    private static string Text(string seed, int length) => string.Concat(Enumerable.Repeat(seed, (length / seed.Length) + 1))[..length];
}
