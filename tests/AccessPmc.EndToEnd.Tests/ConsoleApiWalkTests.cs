using System.Net;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>
/// What the console reads, over real HTTP under each host: statistics counted as scans and issuances happen
/// (written behind the answers, so the test waits for them), scoped per role.
/// </summary>
public abstract class ConsoleApiWalkTests(HostUnderTest host)
{
    /// <summary>Sums of every bucket of a response: the test runs on the real clock, so an hour may turn mid-test.</summary>
    private static string Totals(StatsResponse s, string site) =>
        $"valid {s.Scans.Where(b => b.Site == site).Sum(b => b.Valid)} invalid {s.Scans.Where(b => b.Site == site).Sum(b => b.Invalid)} "
        + $"offline {s.Scans.Where(b => b.Site == site).Sum(b => b.Offline)} entries {s.Scans.Where(b => b.Site == site).Sum(b => b.Directions.GetValueOrDefault(Directions.Entry))} "
        + $"malformed {s.Scans.Where(b => b.Site == site).Sum(b => b.Reasons.GetValueOrDefault(VerifyReasons.Malformed))} "
        + $"issued {s.Passes.Where(b => b.Unit == "STATS").Sum(b => b.Issued)} revoked {s.Passes.Where(b => b.Unit == "STATS").Sum(b => b.Revoked)}";

    [Fact]
    public async Task ScansAndIssuancesShowInTheStatisticsOnceWrittenAndOnlyInTheCallersScope()
    {
        var now = DateTimeOffset.UtcNow;
        var pass = await host.Admin.IssuePassAsync(new IssuePassRequest("Jeanne", "Dupont", PassKinds.Temporary, now.AddMinutes(-1), now.AddDays(1), ["JUSSIEU"], "STATS"));
        var revoked = await host.Admin.IssuePassAsync(new IssuePassRequest("Marc", "Martin", PassKinds.Temporary, now.AddMinutes(-1), now.AddDays(1), ["JUSSIEU"], "STATS"));
        await host.Admin.RevokePassAsync(revoked.Id, "lost");
        await host.Scanner.VerifyAsync(pass.Code, "JUSSIEU", Directions.Entry);
        await host.Scanner.VerifyAsync("garbage", "JUSSIEU");
        OfflineScan[] offline = [new(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), "JUSSIEU", now.AddMinutes(-2), pass.Id, VerifyResults.Valid, null, Directions.Check)];
        await host.Scanner.UploadScansAsync(offline);
        await host.Scanner.UploadScansAsync(offline);

        var (from, to) = (now.AddHours(-1), now.AddHours(2));
        var expected = "valid 2 invalid 1 offline 1 entries 1 malformed 1 issued 2 revoked 1";
        var seen = "";
        await RunningHost.WaitUntilAsync(async () => (seen = Totals(await host.Admin.GetStatsAsync(from, to), "JUSSIEU")) == expected, $"the counters read '{expected}' (last: '{seen}')");
        var days = await host.Admin.GetStatsAsync(from, to, Granularities.Day, site: "JUSSIEU", unit: "STATS");
        var issuer = await host.Issuer.GetStatsAsync(from, to);
        var scanner = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.GetStatsAsync(from, to));
        var elsewhere = await Assert.ThrowsAsync<AccessPmcException>(() => host.Issuer.GetStatsAsync(from, to, site: "VILLEJUIF"));
        var reversed = await Assert.ThrowsAsync<AccessPmcException>(() => host.Admin.GetStatsAsync(to, from));

        Assert.Equal(expected, Totals(days, "JUSSIEU"));
        Assert.Equal(Granularities.Day, days.Granularity);
        Assert.DoesNotContain(issuer.Passes, b => b.Unit == "STATS");
        Assert.Equal((HttpStatusCode.Forbidden, ErrorCodes.Forbidden), (scanner.Status, scanner.Code));
        Assert.Equal((HttpStatusCode.Forbidden, ErrorCodes.SiteNotAllowed), (elsewhere.Status, elsewhere.Code));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.InvalidRange), (reversed.Status, reversed.Code));
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class ConsoleApiWalkOnSelfHost(SelfHostUnderTest host) : ConsoleApiWalkTests(host), IClassFixture<SelfHostUnderTest>;

[Collection(AzuriteCollection.Name)]
[Trait("Host", "Functions")]
public sealed class ConsoleApiWalkOnFunctionsHost(FunctionsHostUnderTest host) : ConsoleApiWalkTests(host), IClassFixture<FunctionsHostUnderTest>;
