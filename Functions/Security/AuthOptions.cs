using System.ComponentModel.DataAnnotations;
using AccessPmc.Functions.Configuration;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Clients defined in configuration (at least the first admin); others live in the ApiClients table.</summary>
    [ValidateEnumeratedItems]
    public List<ConfiguredClient> Clients { get; set; } = [];

    [SettingRange(1, 100_000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int PermitsPerSecond { get; set; } = 200;

    [SettingRange(1, 100_000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int Burst { get; set; } = 400;

    /// <summary>Failed authentications allowed per source address and minute, against key guessing and floods.</summary>
    [SettingRange(1, 100_000, ErrorMessage = "{0}: a whole number from {1} to {2}.")]
    public int FailuresPerMinute { get; set; } = 60;
}

/// <summary>Validates <see cref="AuthOptions"/> and each configured client (generated: attributes of list items included).</summary>
[OptionsValidator]
public sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;

public sealed class ConfiguredClient
{
    [Required(ErrorMessage = "{0}: required; the client's name, e.g. bootstrap-admin.")]
    [UniqueInList]
    public string Id { get; set; } = "";

    [Required(ErrorMessage = "{0}: required; issuer, scanner or admin.")]
    public string Role { get; set; } = "";

    /// <summary>The key itself (hashed as soon as it is read) or, better, its SHA-256 in hex.</summary>
    public string? Key { get; set; }

    public string? KeySha256 { get; set; }

    public List<string> Units { get; set; } = [];

    public List<string> Sites { get; set; } = [];
}
