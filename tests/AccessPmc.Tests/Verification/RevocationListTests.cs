using AccessPmc.Contracts;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Tests.Verification;

[Collection(AzuriteCollection.Name)]
public sealed class RevocationListTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RevocationListGivesRevokedPassesIncrementally()
    {
        await using var app = await TestApp.StartAsync(azurite, "revlist");
        var first = await app.IssuedAsync();
        var second = await app.IssuedAsync();
        await app.RevokeAsync(first.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var page1 = await RevocationsAsync(app, "");
        await app.RevokeAsync(second.Id);
        var page2 = await RevocationsAsync(app, page1.Cursor);

        Assert.Equal([first.Id], page1.Revoked.Select(r => r.Id));
        Assert.Equal([second.Id], page2.Revoked.Select(r => r.Id));
    }

    [Fact]
    public async Task RecentRevocationsAreSentAgainRatherThanMissed()
    {
        await using var app = await TestApp.StartAsync(azurite, "revlate");
        var pass = await app.IssuedAsync();
        await app.RevokeAsync(pass.Id);

        var page1 = await RevocationsAsync(app, "");
        var page2 = await RevocationsAsync(app, page1.Cursor);

        // Within the overlap window the cursor stays behind, so a row another instance writes late is not skipped.
        Assert.Equal([pass.Id], page1.Revoked.Select(r => r.Id));
        Assert.Equal([pass.Id], page2.Revoked.Select(r => r.Id));
    }

    private static async Task<RevocationList> RevocationsAsync(TestApp app, string since) =>
        (await app.CallAsync<RevocationsFunction>("GET", $"/api/revocations?since={Uri.EscapeDataString(since)}", null, TestApp.ScannerKey, async (f, r) => (await f.Run(r, default)).Result)).Json<RevocationList>();

    [Theory]
    [InlineData("2026-11-29T11:00:00Z")]
    [InlineData("garbage")]
    [InlineData("0000000000000000001_XYZ")]
    [InlineData("1749433832996297533")]
    [InlineData("9999999999999999999")]
    public async Task WhatIsNotACursorIsRefusedRatherThanReadAsNothingNew(string since)
    {
        await using var app = await TestApp.StartAsync(azurite, "revbad");

        var reply = await app.CallAsync<RevocationsFunction>("GET", $"/api/revocations?since={Uri.EscapeDataString(since)}", null, TestApp.ScannerKey, async (f, r) => (await f.Run(r, default)).Result);

        Assert.Equal((400, ErrorCodes.InvalidCursor), (reply.Status, reply.ProblemCode()));
    }
}
