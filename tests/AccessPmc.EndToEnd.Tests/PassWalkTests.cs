using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>A pass's whole life over real HTTP with nothing but <see cref="AccessPmcClient"/>, under each host.</summary>
public abstract class PassWalkTests(HostUnderTest host)
{
    private static IssuePassRequest Pass(DateTimeOffset until, params string[] sites) =>
        new("Jeanne", "Dupont", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-1), until, sites);

    private static IssuePassRequest Pass(TimeSpan validity, params string[] sites) => Pass(DateTimeOffset.UtcNow + validity, sites);

    [Fact]
    public async Task IssueScanVerifyAndRevoke()
    {
        var issued = await host.Issuer.IssuePassAsync(Pass(TimeSpan.FromDays(2), "PMC"));

        var png = await host.Issuer.GetQrPngAsync(issued.Id);
        var scanned = QrDecoder.Decode(png);
        Assert.Equal(issued.Code, scanned);

        var atPmc = await host.Scanner.VerifyAsync(scanned, "PMC");
        Assert.Equal((VerifyResults.Valid, null), (atPmc.Result, atPmc.Reason));

        var atJussieu = await host.Scanner.VerifyAsync(scanned, "JUSSIEU");
        Assert.Equal((VerifyResults.Invalid, VerifyReasons.WrongSite), (atJussieu.Result, atJussieu.Reason));
        Assert.Equal(["PMC"], atJussieu.Sites);

        var revoked = await host.Issuer.RevokePassAsync(issued.Id, "badge lost");
        Assert.Equal(PassStatuses.Revoked, revoked.Status);
        Assert.Equal(VerifyReasons.Revoked, (await host.Scanner.VerifyAsync(scanned, "PMC")).Reason);
        Assert.Contains(issued.Id, (await host.Scanner.GetRevocationsAsync()).Revoked.Select(r => r.Id));
    }

    [Fact]
    public async Task TheExpiryTimerFiresOnTheScheduleItsSettingNames()
    {
        // %ExpirePassesSchedule% is every two seconds here (HostUnderTest): a pass that ends in three
        // seconds is marked expired by the timer, on the real clock, whichever host runs it.
        var pass = await host.Issuer.IssuePassAsync(Pass(DateTimeOffset.UtcNow.AddSeconds(3), "PMC"));

        await RunningHost.WaitUntilAsync(
            async () => (await host.Issuer.GetPassAsync(pass.Id)).Status == PassStatuses.Expired,
            $"the ExpirePasses timer marked the pass expired under {host.Name}", seconds: 60);

        Assert.Equal(VerifyReasons.Expired, (await host.Scanner.VerifyAsync(pass.Code, "PMC")).Reason);
    }

    [Fact]
    public async Task RefusalsArriveAsAccessPmcException()
    {
        var wrongKey = host.Client("not-a-key");

        var unauthenticated = await Assert.ThrowsAsync<AccessPmcException>(() => wrongKey.GetKeysAsync());
        var forbidden = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.IssuePassAsync(Pass(TimeSpan.FromDays(1), "PMC")));
        var invalid = await Assert.ThrowsAsync<AccessPmcException>(() => host.Issuer.IssuePassAsync(Pass(TimeSpan.FromDays(1), "MARS")));

        Assert.Equal((401, ErrorCodes.Unauthenticated), ((int)unauthenticated.Status, unauthenticated.Code));
        Assert.Equal((403, ErrorCodes.Forbidden), ((int)forbidden.Status, forbidden.Code));
        Assert.Equal((400, ErrorCodes.UnknownSite), ((int)invalid.Status, invalid.Code));
    }

    [Fact]
    public async Task IdempotentIssueReturnsTheSamePass()
    {
        var key = "order-" + Guid.NewGuid().ToString("N");
        var request = Pass(TimeSpan.FromDays(1), "PMC");
        var first = await host.Issuer.IssuePassAsync(request, key);
        var again = await host.Issuer.IssuePassAsync(request, key);

        Assert.Equal(first.Id, again.Id);
        Assert.NotEmpty((await host.Scanner.GetKeysAsync()).Keys);
        Assert.Equal("healthy", (await host.Scanner.HealthAsync()).Status);
        Assert.StartsWith("<", System.Text.Encoding.UTF8.GetString(await host.Issuer.GetQrSvgAsync(first.Id)).TrimStart(), StringComparison.Ordinal);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class PassWalkOnSelfHost(SelfHostUnderTest host) : PassWalkTests(host), IClassFixture<SelfHostUnderTest>;

[Collection(AzuriteCollection.Name)]
[Trait("Host", "Functions")]
public sealed class PassWalkOnFunctionsHost(FunctionsHostUnderTest host) : PassWalkTests(host), IClassFixture<FunctionsHostUnderTest>;
