using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;

namespace AccessPmc.Tests.Clients;

/// <summary>A client's fields follow the shared rules: free text for its name (D62), * alone in a scope, and a disabled client stays disabled.</summary>
public sealed class ClientFieldTests(AzuriteFixture azurite) : AppTests(azurite, "clientfields")
{
    private Task<Reply> CreateAsync(CreateClientRequest request) =>
        App.CallAsync<ClientFunctions>("POST", "/api/clients", request, TestApp.AdminKey, async (f, r) => (await f.Create(r, default)).Result);

    private Task<Reply> RotateAsync(string id) =>
        App.CallAsync<ClientFunctions>("POST", $"/api/clients/{id}/rotate", null, TestApp.AdminKey, async (f, r) => (await f.Rotate(r, id, default)).Result);

    [Theory]
    [InlineData("a\\u0000b", "U+0000")]
    [InlineData("gate\\u202e1", "U+202E")]
    [InlineData("\\u200b", "U+200B")]
    public async Task AClientNameWithControlOrInvisibleCharactersIs400(string name, string code)
    {
        var reply = await CreateAsync(new CreateClientRequest(Regex.Unescape(name), Roles.Scanner, [], ["PMC"]));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (reply.Status, reply.ProblemCode()));
        Assert.Contains($"name: {code} ", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Tables.Clients.Query<ClientEntity>(), e => e.Name.Contains(Regex.Unescape(name), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClientNameIsCountedInCharactersAsPeopleSeeThem()
    {
        var forty = string.Concat(Enumerable.Repeat("\U0001F6AA", 40)); // 80 UTF-16 units
        var over = string.Concat(Enumerable.Repeat("\U0001F6AA", 65));

        var created = await CreateAsync(new CreateClientRequest(forty, Roles.Scanner, [], ["PMC"]));
        var refused = await CreateAsync(new CreateClientRequest(over, Roles.Scanner, [], ["PMC"]));

        Assert.Equal(201, created.Status);
        Assert.Equal(forty, created.Json<ClientWithKey>().Client.Name);
        Assert.Equal((400, ErrorCodes.ValidationFailed), (refused.Status, refused.ProblemCode()));
        Assert.Contains("1 to 64 characters (counted as people see them", refused.Body, StringComparison.Ordinal);
        Assert.Contains("this one has 65", refused.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Issuer, "*,DEMO", "PMC", "units")]
    [InlineData(Roles.Issuer, "DEMO", "*,PMC", "sites")]
    [InlineData(Roles.Scanner, null, "PMC,*", "sites")]
    public async Task AStarInAScopeMustStandAlone(string role, string? units, string sites, string field)
    {
        var reply = await CreateAsync(new CreateClientRequest("mixed", role, units?.Split(','), sites.Split(',')));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (reply.Status, reply.ProblemCode()));
        Assert.Contains($"{field}: * means every one and stands alone", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingADisabledClientIs409AndGivesNoKey()
    {
        var created = (await CreateAsync(new CreateClientRequest("old phone", Roles.Scanner, [], ["PMC"]))).Json<ClientWithKey>();
        var id = created.Client.Id;
        await App.CallAsync<ClientFunctions>("POST", $"/api/clients/{id}/disable", null, TestApp.AdminKey, async (f, r) => (await f.Disable(r, id, default)).Result);
        var before = (await App.Tables.Clients.GetEntityAsync<ClientEntity>(ClientEntity.Partition, id)).Value.KeyHash;

        var reply = await RotateAsync(id);

        Assert.Equal((409, "application/problem+json", ErrorCodes.ClientDisabled), (reply.Status, reply.ContentType, reply.ProblemCode()));
        Assert.DoesNotContain("apiKey", reply.Body, StringComparison.Ordinal);
        Assert.Equal(before, (await App.Tables.Clients.GetEntityAsync<ClientEntity>(ClientEntity.Partition, id)).Value.KeyHash);
    }

    [Fact]
    public async Task RotatingAnUnknownClientIsStill404()
    {
        var reply = await RotateAsync("0123456789abcdef");

        Assert.Equal((404, ErrorCodes.NotFound), (reply.Status, reply.ProblemCode()));
    }
}
