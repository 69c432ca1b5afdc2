using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Privacy;

namespace AccessPmc.Tests.Privacy;

public sealed class HolderRightsTests(AzuriteFixture azurite) : AppTests(azurite, "holders")
{
    private Task<Reply> ExportAsync(HolderRequest body, string key = TestApp.AdminKey) =>
        App.CallAsync<HolderFunctions>("POST", "/api/holders/export", body, key, async (f, r) => (await f.Export(r, default)).Result);

    private Task<Reply> EraseAsync(HolderRequest body, string key = TestApp.AdminKey) =>
        App.CallAsync<HolderFunctions>("POST", "/api/holders/erase", body, key, async (f, r) => (await f.Erase(r, default)).Result);

    [Fact]
    public async Task ExportGivesEveryPassOfTheHolderAndItsScansAndNothingOfOthers()
    {
        var first = await App.IssuedAsync();
        var second = await App.IssuedAsync(Calls.Typical(sites: "JUSSIEU"));
        await App.IssuedAsync(Calls.Typical() with { GivenName = "Marie", FamilyName = "Curie" });
        await App.VerifyAsync(first.Code, "PMC");
        await App.FlushScansAsync();

        var export = (await ExportAsync(new HolderRequest("Jeanne", "Dupont"))).Json<HolderExport>();

        Assert.Equal(new[] { first.Id, second.Id }.Order(), export.Passes.Select(p => p.Id).Order());
        var scan = Assert.Single(export.Scans);
        Assert.Equal((first.Id, "PMC", VerifyResults.Valid), (scan.PassId, scan.Site, scan.Result));
    }

    [Fact]
    public async Task ErasureRevokesAndErasesTheHoldersPassesOnly()
    {
        var pass = await App.IssuedAsync();
        var other = await App.IssuedAsync(Calls.Typical() with { GivenName = "Marie", FamilyName = "Curie" });

        var erased = (await EraseAsync(new HolderRequest("Jeanne", "Dupont"))).Json<HolderErasure>();
        var again = (await ExportAsync(new HolderRequest("Jeanne", "Dupont"))).Json<HolderExport>();
        var stored = (await App.GetAsync(pass.Id, TestApp.AdminKey)).Json<PassResponse>();

        Assert.Equal(new HolderErasure(1, 1), erased);
        Assert.Empty(again.Passes);
        Assert.Equal((PassStatuses.Revoked, null, null, ""), (stored.Status, stored.GivenName, stored.DisplayLabel, stored.Code));
        Assert.Equal(VerifyReasons.Revoked, (await App.VerifyAsync(pass.Code)).Reason);
        Assert.Equal("Marie", (await App.GetAsync(other.Id)).Json<PassResponse>().GivenName);
    }

    [Fact]
    public async Task OnlyAdminsMayExportOrErase()
    {
        var reply = await ExportAsync(new HolderRequest("Jeanne", "Dupont"), TestApp.IssuerKey);

        Assert.Equal(403, reply.Status);
    }

    [Theory]
    [InlineData("Jeanne\u0007", "Dupont")]
    [InlineData("Jeanne", "")]
    [InlineData("Jeanne", "Du\npont")]
    public async Task HolderNamesWithControlCharactersOrEmptyAre400(string given, string family)
    {
        var reply = await ExportAsync(new HolderRequest(given, family));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (reply.Status, reply.ProblemCode()));
    }

    [Theory]
    [InlineData("He\u0301le\u0300ne", "D\u2019Argent")]
    [InlineData("HÉLÈNE", "d'argent")]
    [InlineData("Hélène", "D'Argent  ")]
    public async Task ErasureFindsTheHolderWhateverTheSpelling(string given, string family)
    {
        var pass = await App.IssuedAsync(Calls.Typical() with { GivenName = "Hélène", FamilyName = "D'Argent" });

        var erased = await EraseAsync(new HolderRequest(System.Text.RegularExpressions.Regex.Unescape(given), System.Text.RegularExpressions.Regex.Unescape(family)));

        Assert.Equal((200, 1), (erased.Status, erased.Json<HolderErasure>().PassesErased));
        var after = (await App.GetAsync(pass.Id, TestApp.AdminKey)).Json<PassResponse>();
        Assert.Equal((null, null, PassStatuses.Revoked), (after.GivenName, after.FamilyName, after.Status));
        Assert.Empty((await ExportAsync(new HolderRequest("Hélène", "D'Argent"))).Json<HolderExport>().Passes);
    }

    [Fact]
    public async Task AHolderWhoseNameWasStoredBeforeTheTextRuleIsStillFoundAndErased()
    {
        // Issuing now refuses U+200B (D62); a row from before keeps it, and its holder keeps their rights.
        var pass = await App.IssuedAsync();
        var row = (await App.Tables.Passes.GetEntityAsync<PassEntity>(PassStore.PartitionOf(pass.Id), pass.Id)).Value;
        row.GivenName = "Jea\u200Bnne";
        row.HolderKey = HolderNames.MatchKey(row.GivenName, row.FamilyName!);
        await App.Tables.Passes.UpdateEntityAsync(row, row.ETag);

        var erased = await EraseAsync(new HolderRequest("Jea\u200Bnne", "Dupont"));

        Assert.Equal((200, 1), (erased.Status, erased.Json<HolderErasure>().PassesErased));
    }

    [Fact]
    public async Task ErasingANameNoPassHoldsSaysSoInsteadOfSucceeding()
    {
        await App.IssuedAsync();

        var erased = await EraseAsync(new HolderRequest("Jeanne", "Dupond"));

        Assert.Equal((404, ErrorCodes.HolderNotFound), (erased.Status, erased.ProblemCode()));
    }
}
