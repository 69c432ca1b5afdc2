using AccessPmc.Contracts;

namespace AccessPmc.Tests.Passes;

public sealed class RevokePassTests(AzuriteFixture azurite) : AppTests(azurite, "revoke")
{
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

    [Theory]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("perdu\u202e", "U+202E")]
    [InlineData("\u200b", "U+200B")]
    public async Task AReasonWithControlOrInvisibleCharactersIs400AndRevokesNothing(string reason, string code)
    {
        var pass = await App.IssuedAsync();

        var reply = await App.RevokeAsync(pass.Id, reason: System.Text.RegularExpressions.Regex.Unescape(reason));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (reply.Status, reply.ProblemCode()));
        Assert.Contains($"reason: {code} ", reply.Body, StringComparison.Ordinal);
        Assert.Equal(PassStatuses.Active, (await App.GetAsync(pass.Id)).Json<PassResponse>().Status);
    }

    [Fact]
    public async Task AReasonIsCountedInCharactersAsPeopleSeeThem()
    {
        var pass = await App.IssuedAsync();
        var reason = string.Concat(Enumerable.Repeat("e\u0301", 200)); // 400 UTF-16 units, 200 characters

        var reply = await App.RevokeAsync(pass.Id, reason: System.Text.RegularExpressions.Regex.Unescape(reason));

        Assert.Equal(200, reply.Status);
        Assert.Equal(string.Concat(Enumerable.Repeat("é", 200)), reply.Json<PassResponse>().RevocationReason);
    }

    [Fact]
    public async Task AnotherUnitCannotRevoke()
    {
        var pass = await App.IssuedAsync();

        var reply = await App.RevokeAsync(pass.Id, key: TestApp.OtherIssuerKey);

        Assert.Equal(404, reply.Status);
        Assert.Equal(VerifyResults.Valid, (await App.VerifyAsync(pass.Code)).Result);
    }
}
