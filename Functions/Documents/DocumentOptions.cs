using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// What the printed documents say about who runs the service (section <c>Documents</c>). The GDPR notice on every
/// A4 document is built from these texts and from the retention settings of <see cref="AccessPmcOptions"/>, so the
/// printed retention is always the one the purge timer enforces.
/// </summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The institution, printed at the top of every document, e.g. "Université Pierre et Marie Curie".</summary>
    [Required(ErrorMessage = "{0}: required; the institution printed at the top of every document.")]
    [MaxLength(80, ErrorMessage = "{0}: at most {1} characters.")]
    public string Organization { get; set; } = "";

    /// <summary>GDPR data controller: name and postal address.</summary>
    [Required(ErrorMessage = "{0}: required; the GDPR data controller, its name and postal address.")]
    [MaxLength(200, ErrorMessage = "{0}: at most {1} characters.")]
    public string Controller { get; set; } = "";

    /// <summary>Where holders exercise their rights: the data protection officer's address or e-mail.</summary>
    [Required(ErrorMessage = "{0}: required; where holders exercise their rights (the DPO's address or e-mail).")]
    [MaxLength(120, ErrorMessage = "{0}: at most {1} characters.")]
    public string Contact { get; set; } = "";

    /// <summary>Purpose of the processing in French; the catalogue's default when absent.</summary>
    [MaxLength(300, ErrorMessage = "{0}: at most {1} characters.")]
    public string? PurposeFr { get; set; }

    /// <summary>Purpose of the processing in English; the catalogue's default when absent.</summary>
    [MaxLength(300, ErrorMessage = "{0}: at most {1} characters.")]
    public string? PurposeEn { get; set; }

    public string Purpose(DocumentTexts texts) => (texts.Language == Contracts.DocumentLanguages.English ? PurposeEn : PurposeFr) ?? texts.DefaultPurpose;
}

/// <summary>The attributes above, with the setting's path in each message (generated, as for the other options).</summary>
[OptionsValidator]
public sealed partial class DocumentOptionsAttributes : IValidateOptions<DocumentOptions>;

/// <summary>
/// Checked at start: every text the documents print must be printable with the embedded font (nothing would be
/// replaced), and site names must fit the layouts.
/// </summary>
public sealed class DocumentOptionsValidator(IOptions<AccessPmcOptions> policy) : IValidateOptions<DocumentOptions>
{
    public const int MaxSiteName = 60;

    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        var failures = new List<string>();
        foreach (var (setting, text) in new[]
        {
            ("Organization", options.Organization), ("Controller", options.Controller), ("Contact", options.Contact),
            ("PurposeFr", options.PurposeFr), ("PurposeEn", options.PurposeEn),
        })
        {
            if (text is not null && !DocumentFonts.IsPrintable(text))
            {
                failures.Add($"Documents__{setting}: only characters the document font prints, on one line.");
            }
        }

        foreach (var (site, index) in policy.Value.Sites.Select((s, i) => (s, i)))
        {
            if (site.Name.Length > MaxSiteName || !DocumentFonts.IsPrintable(site.Name))
            {
                failures.Add($"AccessPmc__Sites__{index}__Name: at most {MaxSiteName} printable characters on one line, to fit the printed documents.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
