using AccessPmc.Contracts;
using AccessPmc.Functions.Verification;
using AccessPmc.PassFormat;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Verification;

public sealed class VerifyFunctionTests(AzuriteFixture azurite) : AppTests(azurite, "verify")
{
    [Fact]
    public async Task VerifyingAFreshPassAtAnAllowedSiteIsValid()
    {
        var pass = await App.IssuedAsync();

        var verdict = await App.VerifyAsync(pass.Code, "JUSSIEU");

        Assert.Equal(new VerifyResponse(VerifyResults.Valid, null, "J. DUPONT", PassKinds.Temporary, pass.ValidUntil), verdict);
    }

    [Fact]
    public async Task VerifyingRevokedPassSaysRevoked()
    {
        var pass = await App.IssuedAsync();

        var revoke = await App.RevokeAsync(pass.Id);
        var verdict = await App.VerifyAsync(pass.Code);

        Assert.Equal(200, revoke.Status);
        Assert.Equal(PassStatuses.Revoked, revoke.Json<PassResponse>().Status);
        Assert.Equal(VerifyReasons.Revoked, verdict.Reason);
        Assert.Equal(VerifyResults.Invalid, verdict.Result);
    }

    [Fact]
    public async Task VerifyAlwaysAnswers200WithAReasonForGarbage()
    {
        var verdict = await App.VerifyAsync("PMC1:NOT A PASS");

        Assert.Equal(new VerifyResponse(VerifyResults.Invalid, VerifyReasons.Malformed, null, null, null), verdict);
    }

    [Fact]
    public async Task SignedCodeWithoutAStoredPassIsUnknownPass()
    {
        var code = new PassCodec(App.Services.GetRequiredService<SigningKeyRing>()).Encode(Codec.Claims());

        Assert.Equal(VerifyReasons.UnknownPass, (await App.VerifyAsync(code)).Reason);
    }

    [Fact]
    public async Task AWrongSiteVerdictNamesTheSitesThePassOpensAndNoOtherVerdictDoes()
    {
        var pass = await App.IssuedAsync(Calls.Typical(sites: ["JUSSIEU"]));
        var revoked = await App.IssuedAsync(Calls.Typical(sites: ["JUSSIEU"]));
        await App.RevokeAsync(revoked.Id);

        var wrongSite = await App.VerifyAsync(pass.Code, "PMC");
        var valid = await App.VerifyAsync(pass.Code, "JUSSIEU");
        var refused = await App.VerifyAsync(revoked.Code, "JUSSIEU");

        Assert.Equal(VerifyReasons.WrongSite, wrongSite.Reason);
        Assert.Equal(["JUSSIEU"], wrongSite.Sites);
        Assert.Equal((VerifyResults.Valid, null), (valid.Result, valid.Sites));
        Assert.Equal((VerifyReasons.Revoked, null), (refused.Reason, refused.Sites));
    }

    [Fact]
    public async Task VerifyAtASiteOutsideTheScannersScopeIs403()
    {
        var pass = await App.IssuedAsync(Calls.Typical(sites: "PMC"));

        var reply = await App.VerifyReplyAsync(pass.Code, "VILLEJUIF");

        Assert.Equal(403, reply.Status);
        Assert.Equal(ErrorCodes.SiteNotAllowed, reply.ProblemCode());
    }

    [Fact]
    public async Task VerifyAtAnUnknownSiteIs400()
    {
        Assert.Equal(ErrorCodes.UnknownSite, (await App.VerifyReplyAsync("x", "MARS")).ProblemCode());
    }

    [Fact]
    public async Task IssuerMayNotVerify()
    {
        Assert.Equal(403, (await App.VerifyReplyAsync("x", key: TestApp.IssuerKey)).Status);
    }

    [Fact]
    public async Task EveryVerificationIsRecordedAsAScanEvent()
    {
        var pass = await App.IssuedAsync();

        await App.VerifyAsync(pass.Code, "PMC");
        await App.VerifyAsync(pass.Code, "JUSSIEU");
        await App.VerifyAsync("garbage", "PMC");
        await App.FlushScansAsync();

        var events = await App.Tables.ScanEvents.QueryAsync<ScanEventEntity>().ToListAsync();
        Assert.Equal(3, events.Count);
        var onPmc = events.Where(e => e.Site == "PMC").OrderBy(e => e.Result).ToList();
        Assert.Equal([VerifyResults.Invalid, VerifyResults.Valid], onPmc.Select(e => e.Result));
        Assert.Equal(pass.Id, onPmc[1].PassId);
        Assert.Equal("scanner-pmc", onPmc[1].ScannerId);
        Assert.Equal(VerifyReasons.Malformed, onPmc[0].Reason);
        Assert.All(events, e => Assert.Equal($"{e.Site}_20260316", e.PartitionKey));
    }
}
