using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AccessPmc.Functions.Configuration;

namespace AccessPmc.Tests.Configuration;

/// <summary>Every refusal of a value is a plain sentence naming the setting as typed and the form it expects.</summary>
public sealed class SettingMessagesTests
{
    [Theory]
    [InlineData("AccessPmc__Sites__0__CapacityMode", "refused", "AccessPmc__Sites__0__CapacityMode: refuse or warn.")]
    [InlineData("AccessPmc__Sites__1__AntiPassback", "Warn", "AccessPmc__Sites__1__AntiPassback: refuse or warn.")]
    [InlineData("AccessPmc__Sites__0__DailyReset", "3:00", "AccessPmc__Sites__0__DailyReset: a local time as HH:mm, from 00:00 to 23:59, e.g. 03:00.")]
    [InlineData("AccessPmc__Sites__0__Code", "pmc", "AccessPmc__Sites__0__Code: 1 to 16 capital letters, digits or '-', e.g. PMC.")]
    [InlineData("AccessPmc__Sites__0__Capacity", "0", "AccessPmc__Sites__0__Capacity: a whole number of people from 1 to 1000000, or empty for no limit.")]
    [InlineData("AccessPmc__DisplayLabel", "full", "AccessPmc__DisplayLabel: initial-family or none.")]
    [InlineData("AccessPmc__MaxPageSize", "0", "AccessPmc__MaxPageSize: a whole number from 1 to 1000.")]
    [InlineData("Auth__Clients__0__Role", "", "Auth__Clients__0__Role: required; issuer, scanner or admin.")]
    [InlineData("Presence__ProbeWindow", "00:00:00", "Presence__ProbeWindow: a duration from 00:00:01 to 1.00:00:00, e.g. 00:01:00 for one minute.")]
    [InlineData("Documents__Organization", "", "Documents__Organization: required; the institution printed at the top of every document.")]
    [InlineData("Scanner__RevocationsWarnAfter", "a day", "Scanner__RevocationsWarnAfter: cannot be read as a duration")]
    [InlineData("Auth__Burst", "many", "Auth__Burst: cannot be read as a whole number (digits only, e.g. 1500).")]
    public void AValueOutOfItsFormIsRefusedInAPlainSentence(string name, string value, string expected)
    {
        Assert.StartsWith(expected, SettingsRead.Refusal((name, value)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverlongDocumentTextSaysHowLongItMayBe()
    {
        Assert.Equal("Documents__Organization: at most 80 characters.", SettingsRead.Refusal(("Documents__Organization", new string('x', 81))));
    }

    [Fact]
    public void NoSiteAtAllAsksForTheFirstOne()
    {
        var line = SettingsRead.Refusal(("AccessPmc__Sites__0__Code", null), ("AccessPmc__Sites__0__Name", null), ("AccessPmc__Sites__1__Code", null), ("AccessPmc__Sites__2__Code", null));

        Assert.Equal("AccessPmc__Sites: no site configured; set at least AccessPmc__Sites__0__Code (and its __Name and __TimeZone).", line);
    }

    [Fact]
    public void NoStorageSettingNamesTheHostSettingFirstAndOnce()
    {
        var line = SettingsRead.Refusal(("AzureWebJobsStorage", null));

        Assert.StartsWith("AzureWebJobsStorage: not set; give the storage connection string, e.g. UseDevelopmentStorage=true", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line!, "Storage__ConnectionString"));
    }

    /// <summary>The attributes' default messages read "The field AccessPmcOptions.Sites[0].Code must match the regular expression …".</summary>
    [Fact]
    public void EveryValidationAttributeOfTheOptionsHasAMessageStartingWithItsSetting()
    {
        var bare = SettingNames.OptionsTypes().SelectMany(Reachable).Distinct()
            .SelectMany(t => t.GetProperties().SelectMany(p => p.GetCustomAttributes<ValidationAttribute>().Select(a => (p, a))))
            .Where(x => x.a.ErrorMessage?.StartsWith("{0}: ", StringComparison.Ordinal) != true)
            .Select(x => $"{x.p.DeclaringType!.Name}.{x.p.Name} [{x.a.GetType().Name}]")
            .ToList();

        Assert.True(bare.Count == 0, "Give ErrorMessage = \"{0}: <the expected form>.\" to: " + string.Join(", ", bare));
    }

    private static IEnumerable<Type> Reachable(Type type)
    {
        yield return type;
        foreach (var property in type.GetProperties().Where(p => p.SetMethod?.IsPublic == true))
        {
            var t = property.PropertyType;
            var item = t.IsGenericType && t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : t;
            if (item.IsClass && item != typeof(string) && item != typeof(Uri) && item.Namespace?.StartsWith("AccessPmc", StringComparison.Ordinal) == true)
            {
                foreach (var nested in Reachable(item))
                {
                    yield return nested;
                }
            }
        }
    }
}
