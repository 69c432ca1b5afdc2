using AccessPmc.Contracts;
using AccessPmc.Functions.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.Presence;

/// <summary>
/// Two instances over the same tables, PMC holding one person: what one instance remembers of a site's counter
/// never makes it refuse on stale grounds after the other instance (or the reset timer) moved the counter.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoInstanceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new() { ["AccessPmc:Sites:0:Capacity"] = "1" };

    private TestApp first = null!;
    private TestApp second = null!;

    public async Task InitializeAsync()
    {
        first = await TestApp.StartAsync(azurite, "twoinst", Settings);
        second = await PresenceCalls.SecondInstanceAsync(azurite, first, Settings);
    }

    public async Task DisposeAsync()
    {
        await second.Services.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task SiteIsNotFullOnOneInstanceAfterSomeoneLeftThroughTheOther()
    {
        var passes = await first.StoredPassesAsync(2);
        Assert.Equal(VerifyResults.Valid, (await first.EnterAsync(passes[0].Code!)).Result);

        Assert.Equal(new PresenceState(0, 1), (await second.ExitAsync(passes[0].Code!)).Presence);
        var entry = await first.EnterAsync(passes[1].Code!);

        Assert.Equal((VerifyResults.Valid, new PresenceState(1, 1)), (entry.Result, entry.Presence));
    }

    [Fact]
    public async Task PassIsNotInsideOnOneInstanceAfterTheOtherCountedItOut()
    {
        var pass = await first.IssuedAsync();
        await first.EnterAsync(pass.Code);

        await second.ExitAsync(pass.Code);
        var again = await first.EnterAsync(pass.Code);

        Assert.Equal((VerifyResults.Valid, new PresenceState(1, 1)), (again.Result, again.Presence));
    }

    [Fact]
    public async Task PassIsNotInsideOnAnInstanceAfterTheResetTimerRanOnTheOther()
    {
        var pass = await first.IssuedAsync();
        await first.EnterAsync(pass.Code);

        foreach (var app in new[] { first, second })
        {
            app.Clock.SetUtcNow(TestApp.Start.AddDays(1));
        }

        await second.Services.GetRequiredService<PresenceResetter>().RunAsync(default);
        var again = await first.EnterAsync(pass.Code);

        Assert.Equal((VerifyResults.Valid, new PresenceState(1, 1)), (again.Result, again.Presence));
    }
}
