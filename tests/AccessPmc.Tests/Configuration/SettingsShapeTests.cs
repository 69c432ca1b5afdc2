namespace AccessPmc.Tests.Configuration;

/// <summary>
/// What the configuration binder would let through silently is refused at start, naming the setting as
/// typed: a value inside a list item it cannot convert (it would drop the item), two list items with the
/// same identity, a name it does not know.
/// </summary>
public sealed class SettingsShapeTests
{
    [Theory]
    [InlineData("AccessPmc__Sites__0__Capacity", "lots", "AccessPmc__Sites__0__Capacity: cannot be read as a whole number (digits only, e.g. 1500).")]
    [InlineData("AccessPmc__Sites__2__Capacity", "1 500", "AccessPmc__Sites__2__Capacity: cannot be read as a whole number (digits only, e.g. 1500).")]
    [InlineData("Signing__Keys__1__Active", "yes", "Signing__Keys__1__Active: cannot be read as true or false.")]
    public void AnUnreadableValueInAListItemIsRefusedRatherThanTheItemDropped(string name, string value, string expected)
    {
        Assert.Equal(expected, SettingsRead.Refusal((name, value)));
    }

    [Fact]
    public void AnUnreadableValueOutsideAListNamesItsExpectedForm()
    {
        Assert.Equal(
            "AccessPmc__Kinds__LongTerm__MaxValidity: cannot be read as a duration, days.hours:minutes:seconds: e.g. 366.00:00:00 for 366 days, 00:30:00 for 30 minutes.",
            SettingsRead.Refusal(("AccessPmc__Kinds__LongTerm__MaxValidity", "366 days")));
    }

    [Fact]
    public void TwoSitesWithTheSameCodeAreRefusedNamingBoth()
    {
        Assert.Equal(
            "AccessPmc__Sites__1__Code: 'PMC' is already AccessPmc__Sites__0__Code; each item of AccessPmc__Sites needs its own Code.",
            SettingsRead.Refusal(("AccessPmc__Sites__1__Code", "PMC")));
    }

    [Fact]
    public void TwoClientsWithTheSameIdInAnyCaseAreRefusedNamingBoth()
    {
        var line = SettingsRead.Refusal(("Auth__Clients__2__Id", "ISSUER-PHYS"));

        Assert.Equal("Auth__Clients__2__Id: 'ISSUER-PHYS' is already Auth__Clients__0__Id; each item of Auth__Clients needs its own Id.", line);
    }

    [Theory]
    [InlineData("AccessPmc__Sites__0__Capcity", "10", "AccessPmc__Sites__0__Capcity: unknown setting; did you mean AccessPmc__Sites__0__Capacity?")]
    [InlineData("Documents__Organisation", "Sorbonne", "Documents__Organisation: unknown setting; did you mean Documents__Organization?")]
    [InlineData("Storage__Connection", "UseDevelopmentStorage=true", "Storage__Connection: unknown setting; Storage takes ConnectionString, TablePrefix (local.settings.sample.json lists every setting).")]
    [InlineData("AccessPmc__ClockSkew__Minutes", "2", "AccessPmc__ClockSkew__Minutes: unknown setting; AccessPmc__ClockSkew is a single value, with no settings under it.")]
    [InlineData("Auth__Clients__0__Units__0__Code", "PHYS", "Auth__Clients__0__Units__0__Code: unknown setting; Auth__Clients__0__Units__0 is a single value, with no settings under it.")]
    [InlineData("AccessPmc__Sites__0__RefusesWhenFull", "false", "AccessPmc__Sites__0__RefusesWhenFull: unknown setting; AccessPmc__Sites__0 takes")]
    [InlineData("AccessPmc__Sites__1__DailyCapacity", "300", "AccessPmc__Sites__1__DailyCapacity: DailyCapacity was replaced by Capacity")]
    [InlineData("AccessPmc__Kinds__Visitor__MaxValidity", "1.00:00:00", "AccessPmc__Kinds__Visitor: no such kind; the kinds are Temporary, LongTerm, Attestation.")]
    public void AnUnknownSettingIsRefusedWithTheNearestKnownName(string name, string value, string expected)
    {
        Assert.StartsWith(expected, SettingsRead.Refusal((name, value)), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownSettingWithAnEmptyValueIsUnsetAndIgnored()
    {
        Assert.Null(SettingsRead.Refusal(("AccessPmc__Sites__0__Capcity", "")));
    }

    [Fact]
    public void SeveralShapeErrorsAreOneLine()
    {
        var line = SettingsRead.Refusal(("AccessPmc__Sites__0__Capacity", "lots"), ("AccessPmc__Sites__1__Code", "VILLEJUIF"), ("Auth__Burts", "3"));

        Assert.Equal(
            "AccessPmc__Sites__0__Capacity: cannot be read as a whole number (digits only, e.g. 1500).; "
            + "AccessPmc__Sites__2__Code: 'VILLEJUIF' is already AccessPmc__Sites__1__Code; each item of AccessPmc__Sites needs its own Code.; "
            + "Auth__Burts: unknown setting; did you mean Auth__Burst?",
            line);
    }
}
