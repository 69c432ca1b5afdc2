using AccessPmc.PassFormat;
using Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AccessPmc.Functions.Storage;

/// <summary>
/// Creates the tables once, before either host starts (<see cref="StartupChecks.RunAsync"/>), so a storage
/// problem is the one line the host prints rather than the generic host's "Hosting failed to start" with
/// a stack trace. Still a hosted service, for in-process hosts (tests) that only start the host.
/// </summary>
internal sealed class TableInitializer(Tables tables, IConfiguration configuration) : IHostedService
{
    private Task? created;

    /// <exception cref="SettingsException">Storage answered, but refused the account name or key (403): restarting cannot help.</exception>
    /// <exception cref="StorageUnreachableException">Storage did not answer, or failed: it may come up (exit 1, restarted).</exception>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => created ??= CreateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            var first = (e as AggregateException)?.InnerExceptions[0] ?? e;
            var setting = StorageOptions.SettingIn(configuration);
            if (first is RequestFailedException { Status: 403 } refused)
            {
                // Azurite answers AuthorizationFailure for a wrong key or account, Azure AuthenticationFailed; a firewall also 403s.
                throw new SettingsException(setting,
                    $"storage refused the account name or key ({Status(refused)}); check AccountName and AccountKey (or the storage firewall).", e);
            }

            if (first is RequestFailedException { Status: 404 })
            {
                // Creating a table never answers 404 for the table itself: the account (Azurite) or the endpoint's path is wrong.
                throw new SettingsException(setting,
                    $"storage has no such account (404) at {tables.Service.Uri}; check AccountName and the endpoints.", e);
            }

            // One clear line for the operator instead of four retries' worth of stack traces.
            throw new StorageUnreachableException(
                $"{setting}: table storage at {tables.Service.Uri} is unreachable ({first.Message.Split('\n')[0].Trim()}). Start Azurite (scripts/run.sh does) or check the endpoint.", e);
        }
    }

    /// <summary>"403 AuthorizationFailure", or "403" when the answer has no error code (Azurite's, to a table creation).</summary>
    private static string Status(RequestFailedException e) =>
        string.IsNullOrEmpty(e.ErrorCode) ? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{e.Status} {e.ErrorCode}";
}

/// <summary>Storage not answering at start: a failure that may pass (exit 1), worded as the one line to print.</summary>
public sealed class StorageUnreachableException(string message, Exception inner) : Exception(message, inner);
