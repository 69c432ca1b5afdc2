using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;

namespace AccessPmc.Tests.Passes;

public sealed class ListPassesTests(AzuriteFixture azurite) : AppTests(azurite, "list")
{
    [Fact]
    public async Task ListingPagesThroughAUnitsPassesNewestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await App.IssuedAsync(Calls.Typical() with { FamilyName = $"P{i}" });
            App.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = (await App.CallAsync<ListPassesFunction>("GET", "/api/passes?pageSize=3", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result)).Json<PassPage>();
        var second = (await App.CallAsync<ListPassesFunction>("GET", $"/api/passes?pageSize=3&next={Uri.EscapeDataString(first.Next!)}", null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result)).Json<PassPage>();

        Assert.Equal(["P4", "P3", "P2"], first.Items.Select(p => p.FamilyName));
        Assert.Equal(["P1", "P0"], second.Items.Select(p => p.FamilyName));
    }

    [Theory]
    [InlineData("/api/passes?pageSize=1000", 400)]
    [InlineData("/api/passes?unit=CHEM", 403)]
    [InlineData("/api/passes?unit=no%20spaces", 400)]
    [InlineData("/api/passes?next=garbage", 400)]
    [InlineData("/api/passes?next=1%20PHYS", 400)]
    public async Task ListingOutsideLimitsOrScopeIsRefused(string path, int status)
    {
        var reply = await App.CallAsync<ListPassesFunction>("GET", path, null, TestApp.IssuerKey, async (f, r) => (await f.Run(r, default)).Result);

        Assert.Equal(status, reply.Status);
    }

    [Fact]
    public async Task AClientOfSeveralUnitsMustSayWhichAsWhenIssuing()
    {
        var listing = await App.CallAsync<ListPassesFunction>("GET", "/api/passes", null, TestApp.AdminKey, async (f, r) => (await f.Run(r, default)).Result);
        var issuing = await App.IssueAsync(Calls.Typical(), TestApp.AdminKey);

        Assert.Equal((400, ErrorCodes.ValidationFailed, "unit"), (listing.Status, listing.ProblemCode(), listing.Json<ApiProblem>().Errors!.Keys.Single()));
        Assert.Equal((400, ErrorCodes.ValidationFailed, "unit"), (issuing.Status, issuing.ProblemCode(), issuing.Json<ApiProblem>().Errors!.Keys.Single()));
    }
}
