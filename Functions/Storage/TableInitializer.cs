using Azure;
using Microsoft.Extensions.Hosting;

namespace AccessPmc.Functions.Storage;

internal sealed class TableInitializer(Tables tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            // One clear line for the operator instead of four retries' worth of stack traces.
            var reason = (e as AggregateException)?.InnerExceptions[0].Message ?? e.Message;
            throw new InvalidOperationException(
                $"Table storage at {tables.Service.Uri} is unreachable ({reason.Split('\n')[0]}). Start Azurite (scripts/run.sh does) or check AzureWebJobsStorage.", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
