using System.Diagnostics;
using AccessPmc.Contracts;
using AccessPmc.Functions;
using AccessPmc.Functions.Documents;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using AccessPmc.PassFormat;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AccessPmc.Benchmarks;

/// <summary>
/// PDF rendering alone (no storage, no HTTP): one A4 attestation, and a batch of 500 passes as A4 sheets of cards
/// and as A4 pages. Passes carry real signed codes (QR version 8) and invented names.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly DocumentBench f = DocumentBench.Create();
    private readonly IReadOnlyList<PassEntity> one;
    private readonly IReadOnlyList<PassEntity> batch;

    public DocumentBenchmarks()
    {
        one = f.Passes(1);
        batch = f.Passes(500);
    }

    [Benchmark]
    public byte[] OneA4() => f.Render(one, DocumentLayouts.A4);

    [Benchmark]
    public byte[] Batch500Sheets() => f.Render(batch, DocumentLayouts.Sheet);

    [Benchmark]
    public byte[] Batch500A4() => f.Render(batch, DocumentLayouts.A4);
}

/// <summary>A renderer with sample settings and a fixed clock, and passes with invented names and real codes.</summary>
public sealed class DocumentBench
{
    public static readonly DateTimeOffset Now = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] GivenNames = ["Éloïse", "Jean-Baptiste", "Maëlle", "Noël", "Chloé", "François", "Zoé", "Loïc", "Anaïs", "Hélène"];
    private static readonly string[] FamilyNames = ["D’Argent-de La Tour", "Lefèvre", "Moreau-Saint-Cœur", "Dubœuf", "O’Neil", "Garçon", "Leroy", "Bénard", "de Villèle", "Çelik"];

    private readonly PassCodec codec;

    private DocumentBench(PassCodec codec, DocumentRenderer renderer)
    {
        this.codec = codec;
        Renderer = renderer;
    }

    public DocumentRenderer Renderer { get; }

    public static DocumentBench Create()
    {
        var key = SigningKey.Generate();
        var policy = Options.Create(new AccessPmcOptions
        {
            Sites =
            [
                new SiteOptions { Code = "PMC", Name = "Campus Pierre et Marie Curie" },
                new SiteOptions { Code = "JUSSIEU", Name = "Jussieu" },
                new SiteOptions { Code = "VILLEJUIF", Name = "Villejuif" },
            ],
        });
        var documents = Options.Create(new DocumentOptions
        {
            Organization = "Université Exemple — Plan de continuité",
            Controller = "Université Exemple, 4 place Jussieu, 75005 Paris",
            Contact = "dpo@universite-exemple.fr",
        });
        var clock = new FixedClock(Now);
        return new DocumentBench(new PassCodec(new SigningKeyRing([key], key)), new DocumentRenderer(new PrintedPassFactory(documents, policy, clock), documents, clock));
    }

    public byte[] Render(IReadOnlyList<PassEntity> passes, string layout, string lang = DocumentLanguages.French, IReadOnlyList<Refusal>? refusals = null) =>
        Renderer.Render(passes, refusals ?? [], DocumentFormat.Parse(layout, lang).Value!);

    /// <summary><paramref name="count"/> temporary passes with invented names, 2 sites, valid five days from <see cref="Now"/>.</summary>
    public IReadOnlyList<PassEntity> Passes(int count) =>
        Enumerable.Range(0, count).Select(i => Pass(GivenNames[i % GivenNames.Length], FamilyNames[((3 * i) + (i / GivenNames.Length)) % FamilyNames.Length], i)).ToList();

    public PassEntity Pass(string given, string family, int seed, string kind = PassKinds.Temporary, string status = PassStatuses.Active)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(seed))[..16]);
        var (from, until) = (Now.AddHours(1), Now.AddDays(5).AddHours(10));
        var label = $"{char.ToUpperInvariant(given[0])}. {family.ToUpperInvariant()}";
        var claims = new PassClaims(Convert.FromHexString(id), from, until, kind, ["PMC", "JUSSIEU"], label.Length <= 32 ? label : label[..32]);
        return new PassEntity
        {
            PartitionKey = PassStore.PartitionOf(id), RowKey = id, Kind = kind, Status = status, ValidFrom = from, ValidUntil = until,
            Sites = "PMC,JUSSIEU", Unit = "PHYS", IssuerId = "bench", IssuedAt = Now, GivenName = given, FamilyName = family,
            DisplayLabel = claims.Label, Code = codec.Encode(claims), RevokedAt = status == PassStatuses.Revoked ? Now.AddHours(2) : null,
        };
    }

    /// <summary>Sizes and one timed render of each case, for a quick look without BenchmarkDotNet.</summary>
    public static int PrintSizes()
    {
        var f = Create();
        foreach (var (name, passes, layout) in new[]
        {
            ("one A4", f.Passes(1), DocumentLayouts.A4),
            ("one card", f.Passes(1), DocumentLayouts.Card),
            ("500 cards on sheets", f.Passes(500), DocumentLayouts.Sheet),
            ("500 A4 pages", f.Passes(500), DocumentLayouts.A4),
        })
        {
            f.Render(passes, layout);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var pdf = f.Render(passes, layout);
            var elapsed = watch.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"{name}: {pdf.Length:N0} bytes, {elapsed.TotalMilliseconds:F0} ms, {allocated / 1048576.0:F1} MB allocated (second render)");
        }

        return 0;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
