using System.Text.Json;
using AccessPmc.Contracts;
using AccessPmc.Functions.Health;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Storage;
using AccessPmc.Tests.Infrastructure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Functions;

public sealed class PassLifecycleFunctionTests(AzuriteFixture azurite) : AppTests(azurite, "life")
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
    public async Task RevokingTwiceIsNotAnError()
    {
        var pass = await App.IssuedAsync();

        var first = await App.RevokeAsync(pass.Id, "lost");
        var second = await App.RevokeAsync(pass.Id, "lost again");

        Assert.Equal(200, second.Status);
        Assert.Equal(first.Json<PassResponse>().RevokedAt, second.Json<PassResponse>().RevokedAt);
        Assert.Equal("lost", second.Json<PassResponse>().RevocationReason);
    }

    [Fact]
    public async Task RevokingWithoutAReasonIs400()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.RevokeAsync(pass.Id, reason: " ");

        Assert.Equal(400, reply.Status);
        Assert.Equal(PassStatuses.Active, (await App.GetAsync(pass.Id)).Json<PassResponse>().Status);
    }

    [Fact]
    public async Task AnotherUnitCannotRevoke()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.RevokeAsync(pass.Id, key: TestApp.OtherIssuerKey);

        Assert.Equal(404, reply.Status);
        Assert.Equal(VerifyResults.Valid, (await App.VerifyAsync(pass.Code)).Result);
    }

    [Fact]
    public async Task QrPngDecodesBackToThePassCode()
    {
        var pass = await App.IssuedAsync();

        var req = App.Request("GET", $"/api/passes/{pass.Id}/qr?format=png");
        var result = await App.Function<AccessPmc.Functions.Passes.PassQrFunction>().Run(req, pass.Id, default);
        await result.Result.ExecuteAsync(req.HttpContext);
        var png = ((MemoryStream)req.HttpContext.Response.Body).ToArray();

        Assert.Equal("image/png", req.HttpContext.Response.ContentType);
        Assert.Equal(pass.Code, QrDecoder.Decode(png));
    }

    [Fact]
    public async Task QrSvgIsServedAsSvg()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.QrAsync(pass.Id, "svg");

        Assert.Equal(200, reply.Status);
        Assert.Equal("image/svg+xml", reply.ContentType);
        Assert.Contains("<svg", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownQrFormatIs400()
    {
        var pass = await App.IssuedAsync();

        Assert.Equal(ErrorCodes.BadFormat, (await App.QrAsync(pass.Id, "gif")).ProblemCode());
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
        var code = new AccessPmc.Functions.Passes.PassCodec(App.Services.GetRequiredService<SigningKeyRing>()).Encode(AccessPmc.Tests.PassFormat.Codec.Claims());

        Assert.Equal(VerifyReasons.UnknownPass, (await App.VerifyAsync(code)).Reason);
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

    [Fact]
    public async Task KeysArePublishedAsAJwkSet()
    {
        var req = App.Request("GET", "/api/keys", key: TestApp.ScannerKey);
        var reply = await TestApp.ExecuteAsync(req, await App.Function<KeysFunction>().Run(req, default));

        var jwks = reply.Json<JsonWebKeySet>();
        var key = Assert.Single(jwks.Keys);
        Assert.Equal(("EC", "P-256", "ES256", TestKeys.Signer.KeyId), (key.Kty, key.Crv, key.Alg, key.Kid));
        Assert.DoesNotContain("\"d\"", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthSaysStorageIsReachable()
    {
        var req = App.Request("GET", "/api/health", key: null);
        var reply = await TestApp.ExecuteAsync(req, await App.Function<HealthFunction>().Run(req, default));

        Assert.Equal(200, reply.Status);
        Assert.Equal("reachable", JsonDocument.Parse(reply.Body).RootElement.GetProperty("storage").GetString());
    }
}

internal static class AsyncPageable
{
    public static async Task<List<T>> ToListAsync<T>(this Azure.AsyncPageable<T> items) where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
