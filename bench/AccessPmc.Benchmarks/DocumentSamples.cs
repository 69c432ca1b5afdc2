using AccessPmc.Contracts;
using AccessPmc.Functions.Documents;

namespace AccessPmc.Benchmarks;

/// <summary>
/// Writes the sample PDFs of <c>docs/samples/</c> (invented names, a throwaway signing key, fixed dates):
/// <c>bench/run-micro.sh --document-samples docs/samples</c>.
/// </summary>
public static class DocumentSamples
{
    public static int Write(string folder)
    {
        var f = DocumentBench.Create();
        Directory.CreateDirectory(folder);
        var a4 = new[]
        {
            f.Pass("Éloïse", "D’Argent-de La Tour", 1),
            f.Pass("Jean-Baptiste", "Moreau-Saint-Cœur", 2, PassKinds.LongTerm, PassStatuses.Revoked),
            f.Pass("Marie-Françoise-Bénédicte", "de La Rochefoucauld-Montmorency d’Estouteville", 3, PassKinds.Attestation),
        };
        var sheet = f.Passes(9).Append(f.Pass("Noël", "Lefèvre", 10, status: PassStatuses.Expired)).ToList();
        Save(folder, "attestation-a4-fr.pdf", f.Render(a4, DocumentLayouts.A4));
        Save(folder, "cards-sheet-fr.pdf", f.Render(sheet, DocumentLayouts.Sheet));
        Save(folder, "card-en.pdf", f.Render([a4[0]], DocumentLayouts.Card, DocumentLanguages.English));
        return 0;
    }

    private static void Save(string folder, string name, byte[] pdf)
    {
        File.WriteAllBytes(Path.Combine(folder, name), pdf);
        Console.WriteLine($"{Path.Combine(folder, name)}: {pdf.Length:N0} bytes");
    }
}
