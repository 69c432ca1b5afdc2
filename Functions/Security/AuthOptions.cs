using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Security;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Clients defined in configuration (at least the first admin); others live in the ApiClients table.</summary>
    [ValidateEnumeratedItems]
    public List<ConfiguredClient> Clients { get; set; } = [];

    [Range(1, 100_000)]
    public int PermitsPerSecond { get; set; } = 200;

    [Range(1, 100_000)]
    public int Burst { get; set; } = 400;

    /// <summary>Failed authentications allowed per source address and minute, against key guessing and floods.</summary>
    [Range(1, 100_000)]
    public int FailuresPerMinute { get; set; } = 60;
}

/// <summary>Validates <see cref="AuthOptions"/> and each configured client (generated: attributes of list items included).</summary>
[OptionsValidator]
public sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;

public sealed class ConfiguredClient
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Role { get; set; } = "";

    /// <summary>The key itself (hashed as soon as it is read) or, better, its SHA-256 in hex.</summary>
    public string? Key { get; set; }

    public string? KeySha256 { get; set; }

    public List<string> Units { get; set; } = [];

    public List<string> Sites { get; set; } = [];
}
