using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Text;
using AccessPmc.Contracts;
using AccessPmc.PassFormat;
using SharpFuzz;

namespace AccessPmc.Fuzz;

/// <summary>
/// AFL++ harness for the pass-code parser. Input bytes are read as UTF-8 and as raw Latin-1, and each string goes
/// through <see cref="PassCodec.Read"/> and <see cref="OfflineVerifier.Check"/>. Any exception is a crash, and so is
/// a reading that is neither valid (claims, no reason) nor invalid (no claims, a reason).
/// Modes: (no argument) AFL persistent loop on stdin; <c>--make-corpus DIR</c> writes signed seed codes;
/// <c>payload</c> AFL loop where the input is the claims CBOR, signed by the harness (reaches the claims parser);
/// <c>--replay FILE...</c> / <c>--replay-payload FILE...</c> run inputs once without AFL (to triage a crash).
/// </summary>
public static partial class Program
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    // One key per process: codes signed by any other key still exercise every step up to the kid lookup.
    private static readonly SigningKey Key = SigningKey.Generate();
    private static readonly PassCodec Codec = new(new SigningKeyRing([Key], Key));
    private static readonly OfflineVerifier Verifier = new(Codec, TimeSpan.FromMinutes(2));

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

        // "payload": the input is the CBOR claims map, signed here with the harness key, so that AFL reaches the
        // claims parser behind the signature check (with "code" inputs it never can: it has no key to sign with).
        var payload = args is ["payload"];
        if (args is ["--replay-payload", .. var payloads])
        {
            foreach (var file in payloads)
            {
                ExecutePayload(File.ReadAllBytes(file));
                Console.WriteLine($"ok: {file}");
            }

            return 0;
        }

        Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var input = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (payload)
            {
                ExecutePayload(input);
            }
            else
            {
                Execute(input);
            }
        });
        return 0;
    }

    public static void ExecutePayload(ReadOnlySpan<byte> claims)
    {
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(Key.Kid) };
        var cose = CoseSign1Message.SignEmbedded(claims, new CoseSigner(Key.Key, HashAlgorithmName.SHA256, headers));
        var code = PassCodec.Prefix + SimpleBase.Base45.Default.Encode(cose.AsSpan(1));
        var reading = Codec.Read(code);
        Consistent(reading, reading.Reason);
        if (reading.Claims is null && reading.Reason != VerifyReasons.Malformed)
        {
            throw new InvalidOperationException($"A correctly signed code was refused as {reading.Reason}.");
        }

        if (reading.Claims is { } accepted && accepted.Sites.Any(site => !StrictSite().IsMatch(site)))
        {
            throw new InvalidOperationException("Accepted a site code outside ^[A-Z0-9-]{1,16}$ (strictly, no trailing newline).");
        }

        if (code.Length <= PassCodec.MaxCodeLength && reading.Claims is { } read && Codec.Encode(read) is var again
            && !CoseMessage.DecodeSign1(SimpleBase.Base45.Default.Decode(again.AsSpan(PassCodec.Prefix.Length))).Content!.Value.Span.SequenceEqual(claims))
        {
            throw new InvalidOperationException("Accepted claims do not re-encode to the signed bytes: the claims encoding is not canonical.");
        }
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
        var payloads = Path.Combine(dir, "..", "corpus-payload");
        Directory.CreateDirectory(payloads);
        foreach (var (name, claims) in seeds)
        {
            var cose = CoseMessage.DecodeSign1(SimpleBase.Base45.Default.Decode(Codec.Encode(claims).AsSpan(PassCodec.Prefix.Length)));
            File.WriteAllBytes(Path.Combine(payloads, $"seed-{name}.cbor"), cose.Content!.Value.ToArray());
        }

        Console.WriteLine($"wrote {seeds.Length + 1} seeds to {dir}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Z0-9-]{1,16}\z")]
    private static partial System.Text.RegularExpressions.Regex StrictSite();
}
