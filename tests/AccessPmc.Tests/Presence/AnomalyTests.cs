using AccessPmc.Contracts;
using AccessPmc.PassFormat;

namespace AccessPmc.Tests.Presence;

/// <summary>Anomalies of online scans, as the admin lists them. Travel time 30 min; a probe is 3 forged codes within a minute.</summary>
public sealed class AnomalyTests(AzuriteFixture azurite) : AppTests(azurite, "anomaly", PresenceCalls.WithOtherScanner(new()
{
    ["Presence:TravelTime"] = "00:30:00",
    ["Presence:ProbeCodes"] = "3",
    ["Presence:ProbeWindow"] = "00:01:00",
}))
{
    private static readonly SigningKey StrangerKey = SigningKey.Generate();
    private static readonly PassCodec Stranger = new(new SigningKeyRing([StrangerKey], StrangerKey));

    [Fact]
    public async Task RevokedPassPresentedAtAnyScanIsAnAnomaly()
    {
        var pass = await App.IssuedAsync();
        await App.RevokeAsync(pass.Id);

        await App.VerifyAsync(pass.Code);

        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal(
            (AnomalyKinds.RevokedPresented, App.Clock.GetUtcNow(), "PMC", "scanner-pmc", pass.Id, false),
            (anomaly.Kind, anomaly.At, Assert.Single(anomaly.Sites), Assert.Single(anomaly.Scanners), anomaly.PassId, anomaly.AfterTheFact));
    }

    [Fact]
    public async Task BurstOfUnknownKeyCodesFromOneScannerIsOneProbe()
    {
        for (var i = 0; i < 4; i++)
        {
            await App.VerifyAsync(Stranger.Encode(Codec.Claims()));
            App.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var probe = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.Probe, 3, (string?)null, "scanner-pmc"), (probe.Kind, probe.Count, probe.PassId, Assert.Single(probe.Scanners)));
    }

    [Fact]
    public async Task UnknownKeyCodesSpreadBeyondTheWindowOrMalformedCodesAreNoProbe()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(VerifyReasons.UnknownKey, (await App.VerifyAsync(Stranger.Encode(Codec.Claims()))).Reason);
            App.Clock.Advance(TimeSpan.FromSeconds(31));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(VerifyReasons.Malformed, (await App.VerifyAsync("PMC1:GARBAGE" + i)).Reason);
        }

        Assert.Empty(await App.RecordedAnomaliesAsync());
    }

    [Fact]
    public async Task AlreadyInsideRefusalNamesBothScannersAndTheFirstEntry()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code);
        var enteredAt = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromMinutes(3));

        await App.EnterAsync(pass.Code, key: PresenceCalls.OtherScannerKey);

        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.AlreadyInside, pass.Id, enteredAt), (anomaly.Kind, anomaly.PassId, anomaly.OtherAt));
        Assert.Equal(["scanner-pmc-2", "scanner-pmc"], anomaly.Scanners);
        Assert.Equal(["PMC"], anomaly.Sites);
    }

    [Fact]
    public async Task EntryAtASecondSiteWhileInsideTheFirstIsInsideTwoSites()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code, "PMC");
        var enteredAt = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromHours(2));

        var second = await App.EnterAsync(pass.Code, "JUSSIEU", PresenceCalls.OtherScannerKey);

        Assert.Equal(VerifyResults.Valid, second.Result);
        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.InsideTwoSites, pass.Id, enteredAt), (anomaly.Kind, anomaly.PassId, anomaly.OtherAt));
        Assert.Equal(["JUSSIEU", "PMC"], anomaly.Sites);
        Assert.Equal(["scanner-pmc-2", "scanner-pmc"], anomaly.Scanners);
    }

    [Fact]
    public async Task EntriesAtTwoSitesCloserThanTheTravelTimeAreTravelTooFast()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code, "PMC");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await App.ExitAsync(pass.Code, "PMC");
        App.Clock.Advance(TimeSpan.FromMinutes(5));

        await App.EnterAsync(pass.Code, "JUSSIEU");

        var anomaly = Assert.Single(await App.RecordedAnomaliesAsync());
        Assert.Equal((AnomalyKinds.TravelTooFast, TestApp.Start), (anomaly.Kind, anomaly.OtherAt));
    }

    [Fact]
    public async Task EntriesAtTwoSitesFurtherApartThanTheTravelTimeAreNoAnomaly()
    {
        var pass = await App.IssuedAsync();
        await App.EnterAsync(pass.Code, "PMC");
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await App.ExitAsync(pass.Code, "PMC");
        App.Clock.Advance(TimeSpan.FromMinutes(35));

        await App.EnterAsync(pass.Code, "JUSSIEU");

        Assert.Empty(await App.RecordedAnomaliesAsync());
    }
}
