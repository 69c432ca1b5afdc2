using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Presence;

public sealed class ResetPresenceFunction(PresenceResetter resetter)
{
    /// <summary>Every few minutes (<c>PresenceResetSchedule</c>, 6-field NCRONTAB, UTC): a site resets at the first run after its local reset time.</summary>
    [Function("ResetPresence")]
    public async Task Run([TimerTrigger("%PresenceResetSchedule%")] TimerInfo timer, CancellationToken ct) =>
        await resetter.RunAsync(ct);
}
