using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Verification;
using SharpFuzz;

namespace AccessPmc.Fuzz;

/// <summary>
/// AFL++ harness for the pass-code parser. Input bytes are read as UTF-8 and as raw Latin-1, and each string goes
/// through <see cref="PassCodec.Read"/> and <see cref="OfflineVerifier.Check"/>. Any exception is a crash, and so is
/// a reading that is neither valid (claims, no reason) nor invalid (no claims, a reason).
/// Modes: (no argument) AFL persistent loop on stdin; <c>--make-corpus DIR</c> writes signed seed codes;
/// <c>--replay FILE...</c> runs inputs once without AFL (to triage a crash).
/// </summary>
public static class Program
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    // One key per process: codes signed by any other key still exercise every step up to the kid lookup.
    private static readonly SigningKey Key = SigningKey.Generate();
    private static readonly PassCodec Codec = new(new SigningKeyRing([Key], Key));
    private static readonly OfflineVerifier Verifier = new(Codec, Microsoft.Extensions.Options.Options.Create(new AccessPmcOptions()));

    public static int Main(string[] args)
    {
        if (args is ["--make-corpus", var dir])
        {
            MakeCorpus(dir);
            return 0;
        }

        if (args is ["--replay", .. var files])
        {
            foreach (var file in files)
            {
                Execute(File.ReadAllBytes(file));
                Console.WriteLine($"ok: {file}");
            }

            return 0;
        }

        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Execute(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
        return 0;
    }

    public static void Execute(ReadOnlySpan<byte> input)
    {
        Check(Encoding.UTF8.GetString(input));
        Check(Encoding.Latin1.GetString(input));
    }

    private static void Check(string code)
    {
        var reading = Codec.Read(code);
        Consistent(reading, reading.Reason);
        var (checkedReading, reason) = Verifier.Check(code, "PMC", Now);
        Consistent(checkedReading, checkedReading.Reason);
        if (reason is null && checkedReading.Claims is null)
        {
            throw new InvalidOperationException("OfflineVerifier.Check: no reason but no claims.");
        }
    }

    private static void Consistent(CodeReading reading, string? reason)
    {
        if ((reading.Claims is null) == (reason is null))
        {
            throw new InvalidOperationException($"Inconsistent reading: claims={reading.Claims is not null}, reason={reason ?? "null"}.");
        }
    }

    private static void MakeCorpus(string dir)
    {
        Directory.CreateDirectory(dir);
        var id = Convert.FromHexString("00112233445566778899aabbccddeeff");
        var seeds = new (string Name, PassClaims Claims)[]
        {
            ("valid-two-sites-label", new(id, Now.AddHours(-1), Now.AddDays(7), PassKinds.Temporary, ["PMC", "JUSSIEU"], "M. DURAND-LE")),
            ("valid-no-label", new(id, Now.AddHours(-1), Now.AddDays(7), PassKinds.Temporary, ["PMC"], null)),
            ("long-term-many-sites", new(id, Now.AddDays(-10), Now.AddDays(300), PassKinds.LongTerm, ["PMC", "JUSSIEU", "VILLEJUIF", "A-1", "B2"], "J. DUPONT")),
            ("attestation-expired", new(id, Now.AddDays(-40), Now.AddDays(-9), PassKinds.Attestation, ["PMC"], "X")),
            ("not-yet-valid", new(id, Now.AddDays(1), Now.AddDays(2), PassKinds.Temporary, ["PMC"], "A. B")),
            ("wrong-site", new(id, Now.AddHours(-1), Now.AddDays(7), PassKinds.Temporary, ["JUSSIEU"], null)),
        };

        foreach (var (name, claims) in seeds)
        {
            var code = Codec.Encode(claims);
            File.WriteAllText(Path.Combine(dir, $"seed-{name}.txt"), code);
        }

        File.WriteAllText(Path.Combine(dir, "seed-prefix-only.txt"), PassCodec.Prefix);
        Console.WriteLine($"wrote {seeds.Length + 1} seeds to {dir}");
    }
}
