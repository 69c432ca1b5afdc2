using AccessPmc.Functions.Passes;
using System.Globalization;
using AccessPmc.Contracts;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// Everything one pass's document prints, already in the reader's language, in the site's local time and in
/// characters the embedded font prints. <paramref name="Mark"/> is the diagonal word of a revoked or expired pass.
/// </summary>
public sealed record PrintedPass(
    string Id,
    string Code,
    string Organization,
    string Title,
    string Number,
    string Name,
    string Unit,
    string Sites,
    LocalStamp ValidFrom,
    LocalStamp ValidUntil,
    string Zone,
    string Issued,
    string HowChecked,
    string Privacy,
    string? Mark,
    string? MarkDetail)
{
    public bool NameHasReplacements => Name.Contains(DocumentFonts.Replacement, StringComparison.Ordinal);
}

/// <summary>A local date and time and its UTC offset, e.g. <c>30/03/2026 09:00</c> and <c>UTC+02:00</c>.</summary>
public sealed record LocalStamp(string DateTime, string Offset)
{
    public override string ToString() => $"{DateTime} {Offset}";
}

/// <summary>Turns a stored pass into <see cref="PrintedPass"/>: catalogue names, local times, the GDPR notice.</summary>
public sealed class PrintedPassFactory(IOptions<DocumentOptions> options, IOptions<AccessPmcOptions> policy, TimeProvider clock)
{
    /// <summary>
    /// Dates are shown in the time zone of the pass's first site that the catalogue still knows (the default site
    /// zone otherwise), each with its UTC offset, e.g. <c>30/03/2026 09:00 UTC+02:00</c>; the zone's IANA id is
    /// printed once. Requires holder data: callers refuse erased passes first.
    /// </summary>
    public PrintedPass Create(PassEntity pass, DocumentTexts texts)
    {
        var o = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            pass.SiteList.Select(policy.Value.FindSite).FirstOrDefault(s => s is not null)?.TimeZone ?? new SiteOptions().TimeZone);
        string Local(DateTimeOffset at) => LocalTime(at, zone, texts).ToString();

        var (mark, detail) = pass switch
        {
            { Status: PassStatuses.Revoked } => (texts.RevokedMark, Format(texts.RevokedDetail, Local(pass.RevokedAt ?? pass.ValidUntil))),
            _ when pass.Status == PassStatuses.Expired || clock.GetUtcNow() >= pass.ValidUntil => (texts.ExpiredMark, Format(texts.ExpiredDetail, Local(pass.ValidUntil))),
            _ => ((string?)null, (string?)null),
        };
        var label = pass.DisplayLabel is { Length: > 0 } l ? Format(texts.Label, l) : texts.NoLabel;

        return new PrintedPass(
            pass.Id,
            pass.Code ?? throw new InvalidOperationException("A pass without its code has no document."),
            o.Organization,
            DocumentFonts.Printable(texts.Title(pass.Kind)),
            Format(texts.PassNumber, pass.Id),
            DocumentFonts.Printable($"{pass.GivenName} {pass.FamilyName}".Trim()),
            pass.Unit,
            DocumentFonts.Printable(string.Join(", ", pass.SiteList.Select(SiteName))),
            LocalTime(pass.ValidFrom, zone, texts),
            LocalTime(pass.ValidUntil, zone, texts),
            zone.Id,
            Format(texts.IssuedValue, Local(pass.IssuedAt), pass.Unit),
            DocumentFonts.Printable(Format(texts.HowChecked, o.Organization, label)),
            Format(texts.Privacy, o.Controller, o.Purpose(texts), Retention(texts), o.Contact),
            mark,
            detail);
    }

    /// <summary>e.g. <c>30/03/2026 09:00 UTC+02:00</c> (French) or <c>2026-03-30 09:00 UTC+02:00</c> (English).</summary>
    public static LocalStamp LocalTime(DateTimeOffset at, TimeZoneInfo zone, DocumentTexts texts)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset;
        return new LocalStamp(local.ToString(texts.DateFormat, CultureInfo.InvariantCulture), $"UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh\\:mm}");
    }

    private string SiteName(string code) =>
        policy.Value.FindSite(code) is { Name.Length: > 0 } site && site.Name != site.Code ? $"{site.Name} ({site.Code})" : code;

    private string Retention(DocumentTexts texts) =>
        Format(texts.Retention, Duration(policy.Value.PersonalDataRetention, texts), Duration(policy.Value.ScanEventRetention, texts));

    private static string Duration(TimeSpan span, DocumentTexts texts) =>
        span.Ticks % TimeSpan.TicksPerDay == 0
            ? Format(texts.Days, span.Days)
            : Format(texts.Hours, Math.Ceiling(span.TotalHours));

    private static string Format(string template, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, template, values);
}
