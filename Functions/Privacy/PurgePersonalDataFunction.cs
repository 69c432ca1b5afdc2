using AccessPmc.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.Functions.Privacy;

public sealed class PurgePersonalDataFunction(PersonalDataPurger purger)
{
    [Function("PurgePersonalData")]
    public async Task Run([TimerTrigger("%PurgePersonalDataSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        StorageRetryPolicy.ForBackgroundWork();
        await purger.RunAsync(ct);
    }
}
