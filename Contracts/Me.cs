namespace AccessPmc.Contracts;

/// <summary>A site from the catalogue, as clients show it. <see cref="TimeZone"/> is an IANA id; <see cref="Capacity"/> is people inside at once (null: no limit).</summary>
public sealed record SiteInfo(string Code, string Name, string TimeZone, int? Capacity);

/// <summary>
/// What an offline scanner must respect: the clock-skew allowance of the time window (seconds), and the
/// age of its revocation list (seconds since its last successful sync) past which it warns, then refuses to verify offline.
/// </summary>
public sealed record ScannerPolicy(int ClockSkewSeconds, int RevocationsWarnAfterSeconds, int RevocationsRefuseAfterSeconds);

/// <summary>
/// <c>GET /api/me</c>: who the caller is. <see cref="Sites"/> lists the catalogue sites the caller may use
/// (every site for <c>*</c> and for admins); <see cref="Units"/> its units (<c>*</c> kept as is).
/// </summary>
public sealed record MeResponse(string Id, string Name, string Role, IReadOnlyList<string> Units, IReadOnlyList<SiteInfo> Sites, ScannerPolicy Scanner);
