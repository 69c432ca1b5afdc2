using AccessPmc.Contracts;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Presence;

/// <summary>Presence rows and anomalies follow the scan-event retention (92 days) and a holder's access and erasure requests.</summary>
public sealed class PresencePrivacyTests(AzuriteFixture azurite) : AppTests(azurite, "ppriv")
{
    private Task<Reply> HolderAsync(string action) =>
        App.CallAsync<HolderFunctions>("POST", $"/api/holders/{action}", new HolderRequest("Jeanne", "Dupont"), TestApp.AdminKey, async (f, r) =>
            action == "export" ? (await f.Export(r, default)).Result : (await f.Erase(r, default)).Result);

    [Fact]
    public async Task PurgeDeletesPresenceRowsAndAnomaliesAfterRetentionButNeverSomeoneCountedInside()
    {
        var passes = await App.StoredPassesAsync(2);
        await App.EnterAsync(passes[0].Code!);
        await App.EnterAsync(passes[1].Code!);
        await App.ExitAsync(passes[1].Code!);
        await App.EnterAsync(passes[0].Code!);
        Assert.Single(await App.RecordedAnomaliesAsync());
        var purger = App.Services.GetRequiredService<PersonalDataPurger>();

        App.Clock.SetUtcNow(TestApp.Start.AddDays(30));
        var early = await purger.RunAsync(default);
        App.Clock.SetUtcNow(TestApp.Start.AddDays(93));
        var due = await purger.RunAsync(default);
        await App.Services.GetRequiredService<PresenceResetter>().RunAsync(default);
        var afterReset = await purger.RunAsync(default);

        Assert.Equal((0, 0), (early.PresenceRowsDeleted, early.AnomaliesDeleted));
        Assert.Equal((1, 1), (due.PresenceRowsDeleted, due.AnomaliesDeleted)); // the pass still counted inside keeps its row
        Assert.Equal((1, 0), (afterReset.PresenceRowsDeleted, afterReset.AnomaliesDeleted));
        Assert.Empty(await App.Tables.Presence.QueryAsync<PresenceEntity>(r => r.RowKey != OccupancyEntity.Key).ToListAsync());
        Assert.Empty(await App.Tables.Anomalies.QueryAsync<AnomalyEntity>().ToListAsync());
    }

    [Fact]
    public async Task ExportGivesTheHoldersPresenceAndAnomalies()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);
        await App.EnterAsync(pass.Code);
        await App.RecordedAnomaliesAsync();

        var export = (await HolderAsync("export")).Json<HolderExport>();

        Assert.Equal(new HolderPresence(pass.Id, "PMC", true, TestApp.Start, null), Assert.Single(export.Presence!));
        Assert.Equal((AnomalyKinds.AlreadyInside, pass.Id), (Assert.Single(export.Anomalies!).Kind, export.Anomalies![0].PassId));
    }

    [Fact]
    public async Task ErasureCountsTheHolderOutAndRemovesTheirPresenceAndAnomalies()
    {
        var pass = await App.IssuedAsync();
        var other = await App.IssuedAsync(Calls.Typical() with { GivenName = "Marie", FamilyName = "Curie" });
        await App.EnterAsync(pass.Code);
        await App.EnterAsync(pass.Code);
        await App.EnterAsync(other.Code);
        await App.RecordedAnomaliesAsync();

        var erased = await HolderAsync("erase");
        var rollCall = (await App.RollCallAsync("PMC")).Json<RollCall>();

        Assert.Equal(200, erased.Status);
        Assert.Equal((1, other.Id), (rollCall.Occupancy, Assert.Single(rollCall.Inside).PassId));
        Assert.Empty(await App.RecordedAnomaliesAsync());
        Assert.Empty(await App.Tables.Presence.QueryAsync<PresenceEntity>(r => r.RowKey == pass.Id).ToListAsync());
    }
}
