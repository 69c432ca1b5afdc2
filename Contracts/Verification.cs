namespace AccessPmc.Contracts;

public static class VerifyResults
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
}

/// <summary>Why a code was refused; stable strings that scanners switch on.</summary>
public static class VerifyReasons
{
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string Revoked = "revoked";
    public const string WrongSite = "wrong_site";
    public const string BadSignature = "bad_signature";
    public const string UnknownKey = "unknown_key";
    public const string Malformed = "malformed";
    public const string UnknownPass = "unknown_pass";
}

public sealed record VerifyRequest(string? Code, string? Site);

/// <summary>Only what the agent at the gate needs to see.</summary>
public sealed record VerifyResponse(
    string Result,
    string? Reason,
    string? DisplayLabel,
    string? Kind,
    DateTimeOffset? ValidUntil);
