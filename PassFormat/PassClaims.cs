namespace AccessPmc.PassFormat;

/// <summary>What a pass code asserts. Times are whole seconds; the label is the only personal datum.</summary>
public sealed record PassClaims(
    byte[] Id,
    DateTimeOffset NotBefore,
    DateTimeOffset Expiry,
    string Kind,
    IReadOnlyList<string> Sites,
    string? Label)
{
    public string IdHex => Convert.ToHexStringLower(Id);
}

/// <summary>The result of reading a code: claims when signature and structure hold, else a reason.</summary>
public readonly record struct CodeReading(PassClaims? Claims, string? Reason, string? KeyId)
{
    public static CodeReading Fail(string reason, string? keyId = null) => new(null, reason, keyId);
}
