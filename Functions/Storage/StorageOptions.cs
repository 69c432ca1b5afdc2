using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The host's own setting, used when <see cref="ConnectionString"/> is empty.</summary>
    public const string HostSetting = "AzureWebJobsStorage";

    /// <summary>Falls back to <c>AzureWebJobsStorage</c>, the setting every Functions app already has.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix for every table name, so several deployments (or test classes) share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>The setting the connection string comes from, as the operator types it.</summary>
    public static string SettingIn(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(ConnectionString)}"]) ? HostSetting : $"{Section}__{nameof(ConnectionString)}";
}

/// <summary>
/// A connection string is required and must parse, checked at start so a typo is a refusal naming the
/// setting it came from (<c>Storage__ConnectionString</c>, else <c>AzureWebJobsStorage</c>), not a
/// failure at the first request.
/// </summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var setting = StorageOptions.SettingIn(configuration);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.HostSetting}: not set; give the storage connection string, e.g. UseDevelopmentStorage=true for Azurite on its default ports (Storage__ConnectionString, when set, is used instead).");
        }

        try
        {
            _ = new TableServiceClient(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            // The message of these exceptions never repeats the account key.
            return ValidateOptionsResult.Fail($"{setting}: not a storage connection string ({e.Message.ReplaceLineEndings(" ")}).");
        }
    }
}
