namespace AccessPmc.Tests.Infrastructure;

/// <summary>A fresh app (own tables, own clock) per test, over the shared Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class AppTests(AzuriteFixture azurite, string name, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(azurite, name, settings);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
