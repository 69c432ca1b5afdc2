using AccessPmc.Contracts;

namespace AccessPmc.Tests.Verification;

public sealed class RevocationRaceTests(AzuriteFixture azurite) : AppTests(azurite, "race")
{
    [Fact]
    public async Task OnceRevokeHasReturnedNoVerifyAnswersValid()
    {
        var pass = await App.IssuedAsync();
        var revoked = 0;
        var lateValid = 0;
        var lateChecks = 0;
        using var stop = new CancellationTokenSource();

        async Task ScanLoop()
        {
            while (!stop.IsCancellationRequested)
            {
                var startedAfterRevoke = Volatile.Read(ref revoked) == 1;
                var verdict = await App.VerifyAsync(pass.Code);
                if (startedAfterRevoke)
                {
                    Interlocked.Increment(ref lateChecks);
                    if (verdict.Result == VerifyResults.Valid)
                    {
                        Interlocked.Increment(ref lateValid);
                    }
                }
            }
        }

        var scanners = Enumerable.Range(0, 4).Select(_ => Task.Run(ScanLoop)).ToList();
        await Task.Delay(50);
        Assert.Equal(200, (await App.RevokeAsync(pass.Id)).Status);
        Volatile.Write(ref revoked, 1);

        // Deadline-bound: a broken scan loop fails here instead of hanging the run.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref lateChecks) < 40)
        {
            Assert.True(DateTime.UtcNow < deadline && scanners.TrueForAll(s => !s.IsFaulted), $"Only {lateChecks} verifications after the revoke within 30 s.");
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(scanners);

        Assert.Equal(0, lateValid);
    }
}
