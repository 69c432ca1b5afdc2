namespace AccessPmc.Functions.Statistics;

/// <summary>Property names of the counter rows: scans by result, reason (<c>R_</c>), direction (<c>D_</c>) and offline; passes by measure.</summary>
public static class StatsProperties
{
    public const string Valid = "Valid";
    public const string Invalid = "Invalid";
    public const string Offline = "Offline";
    public const string ReasonPrefix = "R_";
    public const string DirectionPrefix = "D_";

    public const string Issued = "Issued";
    public const string Revoked = "Revoked";
    public const string Expired = "Expired";

    /// <summary>Reason codes are lower-case letters and '_', valid in a property name as they are.</summary>
    public static string Reason(string reason) => ReasonPrefix + reason;

    public static string Direction(string direction) => DirectionPrefix + direction;
}
