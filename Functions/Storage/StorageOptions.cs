namespace AccessPmc.Functions.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Falls back to <c>AzureWebJobsStorage</c>, the setting every Functions app already has.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix for every table name, so several deployments (or test classes) share one account.</summary>
    public string TablePrefix { get; set; } = "";
}
