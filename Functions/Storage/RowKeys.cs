using System.Globalization;

namespace AccessPmc.Functions.Storage;

/// <summary>Row and partition key shapes, in one place so that every writer and reader agrees.</summary>
public static class RowKeys
{
    /// <summary>Minute buckets: a run that reads a bucket reads at most a minute of not-yet-due rows.</summary>
    public static string ExpiryBucket(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Descending time order within a partition: newest rows come first in a query.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The instant a <see cref="NewestFirst"/> key (19 digits) stands for.</summary>
    public static DateTimeOffset FromNewestFirst(string key) =>
        new(DateTimeOffset.MaxValue.UtcTicks - long.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static string Ascending(DateTimeOffset at) =>
        at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static string ScanPartition(string site, DateTimeOffset at) => $"{site}_{Day(at)}";
}
