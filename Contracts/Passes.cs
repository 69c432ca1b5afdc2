namespace AccessPmc.Contracts;

/// <summary>Pass kinds a staff app may request; the policy per kind lives in configuration.</summary>
public static class PassKinds
{
    public const string Temporary = "temporary";
    public const string LongTerm = "long-term";
    public const string Attestation = "attestation";

    public static readonly IReadOnlyList<string> All = [Temporary, LongTerm, Attestation];
}

public static class PassStatuses
{
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
}

public sealed record IssuePassRequest(
    string? GivenName,
    string? FamilyName,
    string? Kind,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<string>? Sites,
    string? Unit = null);

/// <summary>Where to act on a pass: itself, its QR (PNG, SVG), its printable document (A4 PDF; <c>?layout=card</c>, <c>&amp;lang=en</c>), its revocation.</summary>
public sealed record PassLinks(string Self, string QrPng, string QrSvg, string Revoke, string Document);

/// <summary>What the issuer gets back, and what GET /api/passes/{id} shows it later.</summary>
public sealed record PassResponse(
    string Id,
    string Code,
    string Kind,
    string Status,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    IReadOnlyList<string> Sites,
    string Unit,
    string? DisplayLabel,
    string? GivenName,
    string? FamilyName,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    PassLinks Links);

public sealed record RevokePassRequest(string? Reason);

public sealed record PassPage(IReadOnlyList<PassResponse> Items, string? Next);
