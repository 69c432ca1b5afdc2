using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// DejaVu Sans 2.37, regular and bold (Bitstream Vera licence, <c>Documents/Fonts/LICENSE-DejaVu.txt</c>), embedded
/// in this assembly and handed to PDFsharp through its process-wide font resolver: every machine prints the same
/// glyphs, and each PDF embeds only the subset it uses.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    /// <summary>
    /// Printed in place of a character the font cannot print, so nothing vanishes in silence. Characters outside the
    /// Basic Multilingual Plane (emoji, rare scripts) are replaced too: PDFsharp 6.2 writes their text layer wrongly,
    /// so a copied or searched name would differ from the printed one.
    /// </summary>
    public const char Replacement = '\uFFFD';

    public const char NoBreakSpace = '\u00A0';
    public const char NarrowNoBreakSpace = '\u202F';

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private static readonly Lazy<DocumentFonts> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly byte[] regular = Load(RegularFace);
    private readonly byte[] bold = Load(BoldFace);
    private XFont probeRegular = null!;
    private XFont probeBold = null!;

    private DocumentFonts()
    {
    }

    /// <summary>Installs the resolver once per process; PDFsharp refuses a second, different resolver.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public static XFont Font(double size, bool bold = false)
    {
        EnsureRegistered();
        return new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }

    /// <summary>
    /// The text as it will print: line breaks, tabs, other controls and other spaces become plain spaces (the
    /// no-break spaces stay, and the wrapping never breaks at them), invisible format characters
    /// (soft hyphens, joiners, direction marks) are dropped, and a character either face lacks becomes
    /// <see cref="Replacement"/>.
    /// </summary>
    public static string Printable(string text)
    {
        var fonts = Registered.Value;
        var printable = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || (Rune.IsWhiteSpace(rune) && rune.Value is not (NoBreakSpace or NarrowNoBreakSpace)))
            {
                printable.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                printable.Append(rune.IsBmp && fonts.HasGlyph(rune.Value) ? (char)rune.Value : Replacement);
            }
        }

        return printable.ToString();
    }

    /// <summary>True when <see cref="Printable"/> leaves the text as it is (no replacement, nothing dropped).</summary>
    public static bool IsPrintable(string text) => Printable(text) == text;

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(isBold ? BoldFace : RegularFace) : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => regular,
        BoldFace => bold,
        _ => null,
    };

    private static DocumentFonts Register()
    {
        var fonts = new DocumentFonts();
        GlobalFontSettings.FontResolver = fonts;
        fonts.probeRegular = new XFont(Family, 10, XFontStyleEx.Regular);
        fonts.probeBold = new XFont(Family, 10, XFontStyleEx.Bold);
        return fonts;
    }

    // Both faces: the bold one covers a little less than the regular one.
    private bool HasGlyph(int codePoint) =>
        GlyphHelper.GlyphIndexFromCodePoint(codePoint, probeRegular) != 0 && GlyphHelper.GlyphIndexFromCodePoint(codePoint, probeBold) != 0;

    private static byte[] Load(string face)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"AccessPmc.Documents.{face}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {face}.ttf is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
