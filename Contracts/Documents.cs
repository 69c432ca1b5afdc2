namespace AccessPmc.Contracts;

/// <summary>Printable layouts of a pass document (<c>layout</c> query parameter or batch member).</summary>
public static class DocumentLayouts
{
    /// <summary>A4 portrait attestation, one page per pass.</summary>
    public const string A4 = "a4";

    /// <summary>One ISO/IEC 7810 ID-1 card (85.60 × 53.98 mm) per page: card printers, phone screens.</summary>
    public const string Card = "card";

    /// <summary>A4 sheets of ten ID-1 cards with crop marks, for an office printer and a trimmer.</summary>
    public const string Sheet = "sheet";

    public static readonly IReadOnlyList<string> All = [A4, Card, Sheet];
}

/// <summary>Languages of the printed texts; French is the default.</summary>
public static class DocumentLanguages
{
    public const string French = "fr";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [French, English];
}

/// <summary>Response headers of <c>POST /api/passes/documents</c>.</summary>
public static class DocumentHeaders
{
    /// <summary>How many passes the PDF holds (refused items excluded).</summary>
    public const string Printed = "Documents-Printed";

    /// <summary>How many ids were refused; the PDF's last page(s) list them with the reason.</summary>
    public const string Refused = "Documents-Refused";
}

/// <summary>
/// <c>POST /api/passes/documents</c>: 1 to 500 pass ids, printed in this order. <paramref name="Layout"/> is one of
/// <see cref="DocumentLayouts"/> (default <c>a4</c>), <paramref name="Lang"/> one of <see cref="DocumentLanguages"/>
/// (default <c>fr</c>).
/// </summary>
public sealed record DocumentBatchRequest(IReadOnlyList<string>? Ids, string? Layout = null, string? Lang = null);

/// <summary>The batch PDF as the client gets it, with the counts from the response headers.</summary>
public sealed record DocumentBatch(byte[] Pdf, int Printed, int Refused);
