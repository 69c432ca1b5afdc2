namespace AccessPmc.Functions.Presence;

/// <summary>What a scan did to presence.</summary>
public enum PresenceOutcome
{
    /// <summary>Check, or a pass that was not valid: nothing changed.</summary>
    Unchanged,

    /// <summary>Entered and counted (over capacity too, where the site only warns).</summary>
    Admitted,

    /// <summary>Entry refused: the site is at capacity.</summary>
    SiteFull,

    /// <summary>Entry of a pass already inside: refused, or admitted without counting it twice where the site only warns.</summary>
    AlreadyInside,

    /// <summary>Left and counted out.</summary>
    Exited,

    /// <summary>Exit of a pass that was not inside: recorded as a scan, nothing to count out.</summary>
    NotInside,

    /// <summary>An offline scan older than the pass's last change at the site, or than the site's last reset: history only.</summary>
    History,
}

/// <summary>An outcome and which rows it writes (none when null).</summary>
public readonly record struct PresenceDecision(PresenceOutcome Outcome, PresenceWrite? Write = null);

/// <summary>
/// The presence rules, on a snapshot read under ETags. They change the snapshot's entities in place and say what
/// to write; the store writes it in one transaction or, if a concurrent scan got there first, calls them again
/// on fresh rows. <paramref name="scan"/> ids make a retried or re-uploaded scan recognise its own committed write.
/// </summary>
public static class PresenceRules
{
    /// <summary>
    /// An entry at <paramref name="at"/>. Online (<paramref name="offline"/> false) it may be refused: a pass already
    /// inside (where the site refuses passback) or a site at capacity (where it refuses when full). Offline the gate
    /// already let the person in, so it is counted whatever the capacity, unless it is history.
    /// </summary>
    public static PresenceDecision Enter(PresenceSnapshot s, SiteOptions site, string scanner, string scan, DateTimeOffset at, bool offline)
    {
        var (row, counter) = (s.Row, s.Counter);
        if (row.LastScan == scan)
        {
            return new(PresenceOutcome.Admitted);
        }

        if (offline && IsHistory(s, at))
        {
            return new(PresenceOutcome.History);
        }

        if (row.IsInside(counter))
        {
            return new(PresenceOutcome.AlreadyInside);
        }

        if (!offline && site.RefusesWhenFull && site.Capacity is { } capacity && counter.Count >= capacity)
        {
            return new(PresenceOutcome.SiteFull);
        }

        (row.State, row.Epoch, row.EnteredAt, row.EnteredThrough) = (PresenceEntity.Inside, counter.Epoch, at, scanner);
        (row.LastScan, row.LastChangeAt) = (scan, at);
        counter.Count++;
        return new(PresenceOutcome.Admitted, PresenceWrite.Both);
    }

    /// <summary>An exit at <paramref name="at"/>: counted out if inside; never refused.</summary>
    public static PresenceDecision Exit(PresenceSnapshot s, string scanner, string scan, DateTimeOffset at, bool offline)
    {
        var (row, counter) = (s.Row, s.Counter);
        if (row.LastScan == scan)
        {
            return new(PresenceOutcome.Exited);
        }

        if (offline && IsHistory(s, at))
        {
            return new(PresenceOutcome.History);
        }

        if (!row.IsInside(counter))
        {
            return new(PresenceOutcome.NotInside);
        }

        (row.State, row.ExitedAt, row.ExitedThrough) = (PresenceEntity.Outside, at, scanner);
        (row.LastScan, row.LastChangeAt) = (scan, at);
        counter.Count--;
        return new(PresenceOutcome.Exited, PresenceWrite.Both);
    }

    /// <summary>Erasure: the row goes, and the count with it if the pass was inside.</summary>
    public static PresenceWrite? Forget(PresenceSnapshot s)
    {
        if (s.Row.IsNew)
        {
            return null;
        }

        var inside = s.Row.IsInside(s.Counter);
        if (inside)
        {
            s.Counter.Count--;
        }

        return new PresenceWrite(Row: false, Counter: inside, DeleteRow: true);
    }

    /// <summary>The daily reset: a new epoch at zero, once per due instant (false: already done).</summary>
    public static bool Reset(OccupancyEntity counter, DateTimeOffset due)
    {
        if (counter.LastResetAt >= due)
        {
            return false;
        }

        (counter.Epoch, counter.Count, counter.LastResetAt) = (counter.Epoch + 1, 0, due);
        return true;
    }

    /// <summary>Before the last reset, or not after the last change of the row: it happened, but it cannot change the present.</summary>
    private static bool IsHistory(PresenceSnapshot s, DateTimeOffset at) =>
        at < s.Counter.LastResetAt || (!s.Row.IsNew && at <= s.Row.LastChangeAt);
}
