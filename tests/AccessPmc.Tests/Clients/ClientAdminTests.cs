using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;

namespace AccessPmc.Tests.Clients;

public sealed class ClientAdminTests(AzuriteFixture azurite) : AppTests(azurite, "clients")
{
    private Task<Reply> CreateAsync(CreateClientRequest request, string key = TestApp.AdminKey) =>
        App.CallAsync<ClientFunctions>("POST", "/api/clients", request, key, async (f, r) => (await f.Create(r, default)).Result);

    private async Task<ClientWithKey> CreatedAsync(CreateClientRequest request)
    {
        var reply = await CreateAsync(request);
        Assert.True(reply.Status == 201, reply.Body);
        return reply.Json<ClientWithKey>();
    }

    [Fact]
    public async Task CreatedIssuerKeyWorksAndIsShownOnce()
    {
        var created = await CreatedAsync(new CreateClientRequest("HR tool", Roles.Issuer, ["BIO"], ["PMC"]));

        var issued = await App.IssueAsync(Calls.Typical(sites: "PMC"), key: created.ApiKey);
        var list = await App.CallAsync<ClientFunctions>("GET", "/api/clients", null, TestApp.AdminKey, async (f, r) => (await f.List(r, default)).Result);

        Assert.Equal(201, issued.Status);
        Assert.Equal("BIO", issued.Json<PassResponse>().Unit);
        Assert.Matches("^pmc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", created.ApiKey);
        Assert.Contains(created.Client.Id, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(created.ApiKey, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("keyHash", list.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task KeyIsStoredOnlyAsItsHash()
    {
        var created = await CreatedAsync(new CreateClientRequest("gate 3", Roles.Scanner, null, ["PMC"]));

        var row = (await App.Tables.Clients.GetEntityAsync<ClientEntity>(ClientEntity.Partition, created.Client.Id)).Value;

        Assert.Equal(AccessPmc.Functions.Security.ApiKeys.Hash(created.ApiKey), row.KeyHash);
        Assert.Equal(32, row.KeyHash.Length);
    }

    [Fact]
    public async Task DisabledScannerIsRefusedAtOnce()
    {
        var created = await CreatedAsync(new CreateClientRequest("stolen phone", Roles.Scanner, null, ["PMC"]));
        var pass = await App.IssuedAsync();
        Assert.Equal(200, (await App.VerifyReplyAsync(pass.Code, key: created.ApiKey)).Status);

        var disable = await App.CallAsync<ClientFunctions>("POST", $"/api/clients/{created.Client.Id}/disable", null, TestApp.AdminKey, async (f, r) => (await f.Disable(r, created.Client.Id, default)).Result);

        Assert.Equal(200, disable.Status);
        Assert.NotNull(disable.Json<ClientResponse>().DisabledAt);
        Assert.Equal(401, (await App.VerifyReplyAsync(pass.Code, key: created.ApiKey)).Status);
    }

    [Fact]
    public async Task RotatedKeyReplacesTheOldOne()
    {
        var created = await CreatedAsync(new CreateClientRequest("gate 4", Roles.Scanner, null, ["*"]));

        var rotate = await App.CallAsync<ClientFunctions>("POST", $"/api/clients/{created.Client.Id}/rotate", null, TestApp.AdminKey, async (f, r) => (await f.Rotate(r, created.Client.Id, default)).Result);
        var rotated = rotate.Json<ClientWithKey>();

        Assert.NotEqual(created.ApiKey, rotated.ApiKey);
        Assert.Equal(401, (await App.VerifyReplyAsync("x", key: created.ApiKey)).Status);
        Assert.Equal(200, (await App.VerifyReplyAsync("x", key: rotated.ApiKey)).Status);
    }

    [Fact]
    public async Task OnlyAdminsManageClients()
    {
        var reply = await CreateAsync(new CreateClientRequest("x", Roles.Admin, null, null), key: TestApp.IssuerKey);

        Assert.Equal(403, reply.Status);
    }

    [Theory]
    [InlineData(Roles.Issuer, null, "PMC", ErrorCodes.UnknownUnit)]
    [InlineData(Roles.Scanner, null, "MARS", ErrorCodes.UnknownSite)]
    [InlineData("root", null, "PMC", ErrorCodes.ValidationFailed)]
    public async Task InvalidClientIs400(string role, string? unit, string site, string code)
    {
        var reply = await CreateAsync(new CreateClientRequest("x", role, unit is null ? null : [unit], [site]));

        Assert.Equal(400, reply.Status);
        Assert.Equal(code, reply.ProblemCode());
    }

    [Fact]
    public async Task ScannerScopedToOneSiteCannotVerifyElsewhere()
    {
        var created = await CreatedAsync(new CreateClientRequest("gate 5", Roles.Scanner, null, ["JUSSIEU"]));

        var reply = await App.VerifyReplyAsync("x", "PMC", key: created.ApiKey);

        Assert.Equal(403, reply.Status);
    }
}
