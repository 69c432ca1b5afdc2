namespace AccessPmc.Contracts;

/// <summary>The stable <c>code</c> member of every problem+json answer.</summary>
public static class ErrorCodes
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidCsv = "invalid_csv";
    public const string InvalidEncoding = "invalid_encoding";
    public const string InvalidDate = "invalid_date";
    public const string InvalidCursor = "invalid_cursor";
    public const string ValidationFailed = "validation_failed";
    public const string UnknownKind = "unknown_kind";
    public const string UnknownSite = "unknown_site";
    public const string UnknownUnit = "unknown_unit";
    public const string ValidityReversed = "validity_reversed";
    public const string ValidityTooLong = "validity_too_long";
    public const string ValidityInPast = "validity_in_past";
    public const string DateOutOfRange = "date_out_of_range";
    public const string OutsideAllowedHours = "outside_allowed_hours";
    public const string BodyTooLarge = "body_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string SiteNotAllowed = "site_not_allowed";
    public const string NotFound = "not_found";

    /// <summary>The client is disabled (409): it cannot be changed, only replaced by a new one.</summary>
    public const string ClientDisabled = "client_disabled";
    public const string HolderNotFound = "holder_not_found";
    public const string IdempotencyInFlight = "idempotency_in_flight";
    public const string IdempotencyMismatch = "idempotency_key_reused";
    public const string RateLimited = "rate_limited";
    public const string BadFormat = "bad_format";
    public const string TooManyItems = "too_many_items";
    public const string StorageUnavailable = "storage_unavailable";
    public const string UnknownDirection = "unknown_direction";
    public const string UnknownGranularity = "unknown_granularity";
    public const string InvalidRange = "invalid_range";
    public const string Internal = "internal_error";
}

/// <summary>RFC 9457 problem details as the client sees them.</summary>
public sealed record ApiProblem(
    string? Type,
    string? Title,
    int Status,
    string? Detail,
    string? Code,
    IDictionary<string, string[]>? Errors = null);
