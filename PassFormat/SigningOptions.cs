namespace AccessPmc.PassFormat;

public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>One active signer; the others only verify, until the last pass they signed has expired.</summary>
    public List<SigningKeyOptions> Keys { get; set; } = [];

    /// <summary>Development only: where a key is generated on first run when none is configured.</summary>
    public string DevKeyFolder { get; set; } = ".keys";
}

public sealed class SigningKeyOptions
{
    /// <summary>PEM text: an EC P-256 private key, or a public key for a retired, verify-only key.</summary>
    public string? Pem { get; set; }

    public string? PemFile { get; set; }

    public bool Active { get; set; }
}
