using AccessPmc.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Expiry;

public sealed class ExpirePassesFunction(PassExpirer expirer)
{
    [Function("ExpirePasses")]
    public async Task Run([TimerTrigger("%ExpirePassesSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        StorageRetryPolicy.ForBackgroundWork();
        await expirer.RunAsync(ct);
    }
}
