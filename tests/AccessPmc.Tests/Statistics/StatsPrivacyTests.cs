using AccessPmc.Contracts;
using AccessPmc.Functions.Privacy;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Statistics;

/// <summary>The counters are anonymous (no pass id, no name, no scanner) and the personal-data purge leaves them as they were.</summary>
public sealed class StatsPrivacyTests(AzuriteFixture azurite) : AppTests(azurite, "prstats")
{
    private static readonly DateTimeOffset Start = TestApp.Start;

    private async Task<List<string>> EveryCellAsync() =>
        (await App.Tables.Statistics.QueryAsync<TableEntity>().ToListAsync())
            .SelectMany(r => r.Where(p => p.Key is not ("odata.etag" or "Timestamp")).Select(p => $"{r.PartitionKey} {r.RowKey} {p.Key}={p.Value}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Lines(StatsResponse s) =>
        [.. s.Passes.Select(b => b.Line()), .. s.Scans.Select(b => b.Line()), .. s.Occupancy.Select(b => b.Line())];

    [Fact]
    public async Task CountersSurviveThePurgeUnchanged()
    {
        var pass = await App.IssuedAsync(Calls.Typical(until: Start.AddHours(2)));
        await App.EnterAsync(pass.Code);
        await App.RevokeAsync(pass.Id);
        await App.FlushScansAsync();
        await App.FlushStatsAsync();
        var before = await EveryCellAsync();
        var stats = await App.StatsAsync(Start, Start.AddDays(1), Granularities.Day);

        App.Clock.SetUtcNow(Start.AddDays(100));
        var run = await App.Services.GetRequiredService<PersonalDataPurger>().RunAsync(default);
        var after = await EveryCellAsync();

        Assert.Equal(1, run.PassesErased);
        Assert.Equal(1, run.ScanEventsDeleted);
        Assert.NotEmpty(before);
        Assert.Equal(before, after);
        Assert.Equal(Lines(stats), Lines(await App.StatsAsync(Start, Start.AddDays(1), Granularities.Day)));
        Assert.Equal(3, Lines(stats).Count);
    }

    [Fact]
    public async Task NoCounterRowNamesAPassAHolderOrAScanner()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);
        await App.VerifyAsync(pass.Code);
        await App.UploadScansAsync([new OfflineScan(new string('e', 32), "PMC", Start.AddMinutes(-5), pass.Id, VerifyResults.Valid, null, Directions.Exit)]);
        await App.FlushStatsAsync();

        var cells = await EveryCellAsync();

        Assert.NotEmpty(cells);
        Assert.All(cells, cell =>
        {
            foreach (var secret in new[] { pass.Id, new string('e', 32), "Jeanne", "Dupont", "DUPONT", "scanner-pmc", "issuer-phys" })
            {
                Assert.DoesNotContain(secret, cell, StringComparison.OrdinalIgnoreCase);
            }
        });
    }
}
