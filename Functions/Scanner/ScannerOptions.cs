namespace AccessPmc.Functions.Scanner;

/// <summary>
/// What the scanner web app must respect offline (sent to it by <c>GET /api/me</c>), and where it lives.
/// Settings: <c>Scanner__RevocationsWarnAfter</c>, <c>Scanner__RevocationsRefuseAfter</c> (TimeSpan),
/// <c>Scanner__PublicBaseUrl</c> (optional absolute URL of the app root, for enrolment links behind a proxy).
/// </summary>
public sealed class ScannerOptions
{
    public const string Section = "Scanner";

    /// <summary>Age of the revocation list past which an offline verdict carries a warning.</summary>
    public TimeSpan RevocationsWarnAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Age past which the scanner refuses to verify offline (a revoked pass could get through).</summary>
    public TimeSpan RevocationsRefuseAfter { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// The app root as agents reach it, e.g. <c>https://pass.example.fr/</c>; when unset, enrolment links
    /// use the scheme, host and path base of the admin's request.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
