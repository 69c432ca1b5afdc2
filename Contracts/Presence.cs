namespace AccessPmc.Contracts;

/// <summary>What an anomaly is about; stable strings that the console switches on.</summary>
public static class AnomalyKinds
{
    /// <summary>The pass entered a site while it was inside another one (a lent or copied pass).</summary>
    public const string InsideTwoSites = "inside_two_sites";

    /// <summary>Entries of the pass at two sites closer in time than the travel time between sites.</summary>
    public const string TravelTooFast = "travel_too_fast";

    /// <summary>A revoked pass was presented at a scanner (any direction).</summary>
    public const string RevokedPresented = "revoked_presented";

    /// <summary>A burst of forged or unknown-key codes from one scanner within a short window.</summary>
    public const string Probe = "probe";

    /// <summary>An entry of a pass already inside the site (refused, or admitted where the site only warns).</summary>
    public const string AlreadyInside = "already_inside";

    public static readonly IReadOnlyList<string> All = [InsideTwoSites, TravelTooFast, RevokedPresented, Probe, AlreadyInside];
}

/// <summary>
/// One anomaly. <see cref="At"/> is when the scan that revealed it happened (UTC); <see cref="Sites"/> and
/// <see cref="Scanners"/> (client ids) start with that scan's, then the other scan's where there is one,
/// whose time is <see cref="OtherAt"/>. <see cref="PassId"/> is absent for probes, whose <see cref="Count"/>
/// is the number of forged or unknown-key codes in the burst. <see cref="AfterTheFact"/>: found when offline
/// scans were uploaded, <see cref="RecordedAt"/> later than <see cref="At"/>. No personal data beyond the pass id.
/// </summary>
public sealed record Anomaly(
    string Kind,
    DateTimeOffset At,
    IReadOnlyList<string> Sites,
    IReadOnlyList<string> Scanners,
    string? PassId,
    bool AfterTheFact,
    DateTimeOffset RecordedAt,
    DateTimeOffset? OtherAt = null,
    int? Count = null);

/// <summary><c>GET /api/anomalies</c>: oldest first; pass <see cref="Next"/> back as <c>next</c> until it is null.</summary>
public sealed record AnomalyPage(IReadOnlyList<Anomaly> Items, string? Next);

/// <summary>A pass inside a site now: its display label (null once erased, or when labels are off), kind, entry time (UTC) and the scanner it entered through (client name).</summary>
public sealed record RollCallEntry(string PassId, string? DisplayLabel, string? Kind, DateTimeOffset EnteredAt, string EnteredThrough);

/// <summary>
/// <c>GET /api/sites/{site}/presence</c>: who is inside a site now, sorted for an evacuation list (by display
/// label, passes without one last, then by entry time). <see cref="Occupancy"/> is the site's counter;
/// <see cref="LastResetAt"/> the last daily reset (everyone still inside then was counted out).
/// </summary>
public sealed record RollCall(
    string Site,
    string Name,
    string TimeZone,
    DateTimeOffset GeneratedAt,
    int Occupancy,
    int? Capacity,
    DateTimeOffset? LastResetAt,
    IReadOnlyList<RollCallEntry> Inside);

/// <summary>A holder's presence at a site, for the access request: last entry and exit (UTC), and whether the pass counts as inside now.</summary>
public sealed record HolderPresence(string PassId, string Site, bool Inside, DateTimeOffset? EnteredAt, DateTimeOffset? ExitedAt);
