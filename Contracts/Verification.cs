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

    /// <summary>Presence (entry only): the site is at capacity.</summary>
    public const string SiteFull = "site_full";

    /// <summary>Presence (entry only): this pass already entered the site and has not left (anti-passback).</summary>
    public const string AlreadyInside = "already_inside";
}

/// <summary>What a scan means for presence; <see cref="Check"/> (the default) changes nothing.</summary>
public static class Directions
{
    public const string Entry = "entry";
    public const string Exit = "exit";
    public const string Check = "check";

    public static readonly IReadOnlyList<string> All = [Entry, Exit, Check];
}

/// <summary>
/// Beside a <c>malformed</c> reason: how the code seems to have been damaged in transit, so the agent
/// fixes the scanner instead of refusing the person. Never a softer verdict.
/// </summary>
public static class VerifyHints
{
    public const string KeyboardLayout = "keyboard_layout";
    public const string UrlDecoded = "url_decoded";
    public const string PlusAsSpace = "plus_as_space";
}

public sealed record VerifyRequest(string? Code, string? Site, string? Direction = null);

/// <summary>The site's presence after an entry or exit: people inside, capacity (null: none); for <c>already_inside</c>, when and through which scanner the pass entered.</summary>
public sealed record PresenceState(int Occupancy, int? Capacity, DateTimeOffset? EnteredAt = null, string? EnteredThrough = null);

/// <summary>
/// Only what the agent at the gate needs to see. <c>Sites</c> only with <c>wrong_site</c>: the site codes the
/// pass opens, so the agent can send the person to the right gate (the same codes the QR carries).
/// </summary>
public sealed record VerifyResponse(
    string Result,
    string? Reason,
    string? DisplayLabel,
    string? Kind,
    DateTimeOffset? ValidUntil,
    string? Hint = null,
    PresenceState? Presence = null,
    IReadOnlyList<string>? Sites = null);
