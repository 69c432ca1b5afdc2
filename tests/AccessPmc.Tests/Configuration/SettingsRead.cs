using AccessPmc.Functions;
using AccessPmc.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests.Configuration;

/// <summary>The line an operator reads for a set of settings: the app's registration, its start-up validation, no storage.</summary>
internal static class SettingsRead
{
    /// <summary>The unit tests' settings with <paramref name="changes"/> in environment-variable form (null removes one); null when they are accepted.</summary>
    public static string? Refusal(params (string Name, string? Value)[] changes)
    {
        var settings = TestApp.Settings("UseDevelopmentStorage=true", "shape");
        foreach (var (name, value) in changes)
        {
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return RefusalOf(settings);
    }

    public static string? RefusalOf(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(kv => kv.Value is not null)).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAccessPmc(configuration).BuildServiceProvider();
        var error = Record.Exception(() => services.GetRequiredService<IStartupValidator>().Validate());
        if (error is null)
        {
            return null;
        }

        var failure = StartupFailure.From(error);
        Assert.True(failure.IsRefusal, failure.Line);
        return failure.Line;
    }
}
