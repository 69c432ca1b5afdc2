using Microsoft.Extensions.Hosting;

namespace AccessPmc.Functions.Storage;

internal sealed class TableInitializer(Tables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
