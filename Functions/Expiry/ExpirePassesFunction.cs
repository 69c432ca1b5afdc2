using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Expiry;

public sealed class ExpirePassesFunction(PassExpirer expirer)
{
    [Function("ExpirePasses")]
    public async Task Run([TimerTrigger("%ExpirePassesSchedule%")] TimerInfo timer, CancellationToken ct) =>
        await expirer.RunAsync(ct);
}
