using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// The daily reset: every site whose local reset time (<see cref="SiteOptions.DailyReset"/>, in its time zone)
/// has passed since its last reset starts a new epoch at zero, so everyone still counted inside is counted out.
/// One ETag-guarded write of the site's counter; idempotent (a second run finds the due reset done) and
/// independent of the timer's schedule (a late run resets once, for the latest due time). D41.
/// </summary>
public sealed class PresenceResetter(PresenceStore store, PresenceTracker tracker, IOptions<AccessPmcOptions> options, TimeProvider time, ILogger<PresenceResetter> logger)
{
    /// <summary>Returns the codes of the sites reset by this run.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reset = new List<string>();
        foreach (var site in options.Value.Sites)
        {
            var due = DailyResets.LastDue(site, now);
            var done = false;
            // The last decision is the one that stands: true only if this run's write went through.
            var counter = await store.ChangeCounterAsync(site.Code, () => tracker.NewCounter(site.Code), c => done = PresenceRules.Reset(c, due), ct);
            if (done)
            {
                tracker.Sample(counter);
                reset.Add(site.Code);
            }
        }

        if (reset.Count > 0)
        {
            logger.LogInformation("ResetPresence: {Sites} reset", string.Join(", ", reset));
        }

        return reset;
    }
}
