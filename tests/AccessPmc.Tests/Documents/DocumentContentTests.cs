using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;
using AccessPmc.Functions.Privacy;

namespace AccessPmc.Tests.Documents;

/// <summary>What the printed documents say, read back from the PDF with PdfPig.</summary>
public sealed class DocumentContentTests(AzuriteFixture azurite) : AppTests(azurite, "docs")
{
    [Fact]
    public async Task A4AttestationShowsHolderKindSitesLocalTimesAndTheGdprNotice()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.DocumentAsync(pass.Id);

        using var pdf = reply.Open();
        var page = pdf.GetPage(1);
        Assert.Equal((1, 595.28, 841.89), (pdf.NumberOfPages, Math.Round(page.Width, 2), Math.Round(page.Height, 2)));
        var text = pdf.Squashed(1);
        foreach (var expected in new[]
        {
            "UniversitéExemple", "Laissez-passertemporaire", pass.Id, "JeanneDupont", "PHYS", "PierreetMarieCurie(PMC),JUSSIEU",
            "Valableàpartirdu16/03/202609:00UTC+01:00", "Valablejusqu’au21/03/202609:00UTC+01:00", "Europe/Paris",
            "le16/03/202609:00UTC+01:00parl’unitéPHYS", "«J.DUPONT»",
            "Responsabledutraitement:UniversitéExemple,4placeJussieu,75005Paris", "Finalité:contrôledel’accès",
            "Conservation:30joursaprès", "journauxdecontrôle92jours", "dpo@universite-exemple.fr",
        })
        {
            Assert.Contains(expected, text);
        }

        Assert.Equal("no-store", reply.Headers.CacheControl.ToString());
        Assert.All(page.Letters, l => Assert.Matches(@"^[A-Z]{6}\+DejaVu Sans", l.FontName)); // embedded subsets only
        Assert.Empty(page.GetImages()); // the QR is vector paths, not a picture
    }

    [Fact]
    public async Task EnglishOnRequestWithIsoDates()
    {
        var pass = await App.IssuedAsync();

        using var pdf = (await App.DocumentAsync(pass.Id, "?lang=en")).Open();

        var text = pdf.Squashed(1);
        foreach (var expected in new[] { "Temporaryaccesspass", "Holder", "JeanneDupont", "Validfrom2026-03-1609:00UTC+01:00", "Validuntil2026-03-2109:00UTC+01:00", "Datacontroller:", "Retention:30daysafter" })
        {
            Assert.Contains(expected, text);
        }

        Assert.DoesNotContain("Titulaire", text);
    }

    [Theory]
    [InlineData(PassKinds.LongTerm, "Laissez-passerlonguedurée", "Long-termaccesspass")]
    [InlineData(PassKinds.Attestation, "Attestationd’accès", "Accesscertificate")]
    public async Task EachKindHasItsTitleInBothLanguages(string kind, string french, string english)
    {
        var pass = await App.IssuedAsync(Calls.Typical(kind, until: TestApp.Start.AddDays(20)));

        using var fr = (await App.DocumentAsync(pass.Id, "?lang=fr")).Open();
        using var en = (await App.DocumentAsync(pass.Id, "?lang=EN&layout=card")).Open();

        Assert.Contains(french, fr.Squashed(1));
        Assert.Contains(english, en.Squashed(1));
    }

    [Fact]
    public async Task ValidityAcrossTheSpringClockChangeShowsEachEndInItsOwnOffset()
    {
        // Europe/Paris moves from UTC+01:00 to UTC+02:00 on 29 March 2026.
        var pass = await App.IssuedAsync(Calls.Typical(from: new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero), until: new(2026, 4, 2, 8, 0, 0, TimeSpan.Zero)));

        using var a4 = (await App.DocumentAsync(pass.Id)).Open();
        using var card = (await App.DocumentAsync(pass.Id, "?layout=card&lang=en")).Open();

        Assert.Contains("27/03/202610:00UTC+01:00", a4.Squashed(1));
        Assert.Contains("02/04/202610:00UTC+02:00", a4.Squashed(1));
        Assert.Contains("2026-04-0210:00UTC+02:00·Europe/Paris", card.Squashed(1));
    }

    [Theory]
    [InlineData("Éloïse", "D'Argent-de La Tour")]
    [InlineData("Éloïse", "D’Argent-de La Tour")]
    [InlineData("Anaïs-Cécile", "Lœwenbrück-Çelik ‐ Saint‑Aubin")]
    public async Task AccentsApostrophesHyphensAndParticlesPrintAsGiven(string given, string family)
    {
        var pass = await App.IssuedAsync(Calls.Typical() with { GivenName = given, FamilyName = family });

        foreach (var layout in DocumentLayouts.All)
        {
            using var pdf = (await App.DocumentAsync(pass.Id, $"?layout={layout}")).Open();
            Assert.Contains(DocumentCalls.Squash($"{given} {family}"), pdf.Squashed(1));
            Assert.DoesNotContain(DocumentFonts.Replacement.ToString(), pdf.GetPage(1).Text);
        }
    }

    [Theory]
    [InlineData(DocumentLayouts.A4, A4Page.Margin)]
    [InlineData(DocumentLayouts.Card, 2.0)]
    public async Task LongNamesShrinkThenWrapAndNeverLeaveThePage(string layout, double margin)
    {
        var given = "Wolfgang-Maximilian-Amédée-Guillaume-Théophile-Wenceslas-Xavière"; // 64 characters
        var family = new string('W', 64); // one unbreakable word of the widest capital
        var pass = await App.IssuedAsync(Calls.Typical() with { GivenName = given, FamilyName = family });

        using var pdf = (await App.DocumentAsync(pass.Id, $"?layout={layout}")).Open();

        var page = pdf.GetPage(1);
        Assert.Equal(64, given.Length);
        Assert.Contains(given + family, pdf.Squashed(1));
        Assert.All(page.Letters, l => Assert.True(
            l.BoundingBox.Left >= margin - 0.5 && l.BoundingBox.Right <= page.Width - margin + 0.5
            && l.BoundingBox.Bottom >= margin - 0.5 && l.BoundingBox.Top <= page.Height - margin + 0.5,
            $"'{l.Value}' at {l.BoundingBox} leaves the printable area of a {page.Width}×{page.Height} page."));
    }

    [Fact]
    public async Task CharactersTheFontLacksAreReplacedVisiblyNeverDropped()
    {
        var pass = await App.IssuedAsync(Calls.Typical() with { GivenName = "Zoé🦄", FamilyName = "Li 漢字" });

        using var pdf = (await App.DocumentAsync(pass.Id)).Open();

        var text = pdf.Squashed(1);
        Assert.Contains("Zoé\uFFFDLi\uFFFD\uFFFD", text);
        Assert.Contains("\uFFFD:caractèrequelapolicedudocumentnepeutpasimprimer.", text);
    }

    [Fact]
    public async Task RevokedPassDocumentSaysSoAcrossThePageAndStaysDownloadable()
    {
        var pass = await App.IssuedAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RevokeAsync(pass.Id);

        using var fr = (await App.DocumentAsync(pass.Id)).Open();
        using var en = (await App.DocumentAsync(pass.Id, "?lang=en&layout=card")).Open();

        Assert.Contains("RÉVOQUÉ", fr.Squashed(1));
        Assert.Contains("Révoquéle16/03/202610:00UTC+01:00", fr.Squashed(1));
        Assert.Contains("REVOKED", en.Squashed(1));
    }

    [Fact]
    public async Task ExpiredPassDocumentSaysSoEvenBeforeTheExpiryTimerRan()
    {
        var pass = await App.IssuedAsync(Calls.Typical(until: TestApp.Start.AddHours(1)));
        App.Clock.Advance(TimeSpan.FromHours(2));

        using var fr = (await App.DocumentAsync(pass.Id, "?layout=sheet")).Open();
        using var en = (await App.DocumentAsync(pass.Id, "?lang=en")).Open();

        Assert.Contains("EXPIRÉ", fr.Squashed(1));
        Assert.Contains("EXPIRED", en.Squashed(1));
        Assert.Contains("Expiredon2026-03-1610:00UTC+01:00", en.Squashed(1));
    }

    [Fact]
    public async Task PassWhoseHolderDataWasErasedHasNoDocument()
    {
        var pass = await App.IssuedAsync();
        var erase = await App.CallAsync<HolderFunctions>("POST", "/api/holders/erase", new HolderRequest("Jeanne", "Dupont"), TestApp.AdminKey, async (f, r) => (await f.Erase(r, default)).Result);
        Assert.Equal(200, erase.Status);

        var single = await App.DocumentAsync(pass.Id);
        var batch = await App.DocumentsAsync(new DocumentBatchRequest([pass.Id]));

        Assert.Equal((410, "application/problem+json", ErrorCodes.NotFound), (single.Status, single.ContentType, single.ProblemCode()));
        Assert.Equal(("0", "1"), (batch.Headers[DocumentHeaders.Printed].ToString(), batch.Headers[DocumentHeaders.Refused].ToString()));
        using var pdf = batch.Open();
        Assert.Contains($"1{pass.Id}donnéeseffacées(410)", pdf.Squashed(1));
    }

    [Theory]
    [InlineData("?layout=a5", "layout")]
    [InlineData("?lang=de", "lang")]
    public async Task UnknownLayoutOrLanguageIs400(string query, string field)
    {
        var pass = await App.IssuedAsync();

        var reply = await App.DocumentAsync(pass.Id, query);

        Assert.Equal((400, ErrorCodes.BadFormat), (reply.Status, reply.ProblemCode()));
        Assert.Contains($"\"{field}\"", System.Text.Encoding.UTF8.GetString(reply.Body));
    }
}
