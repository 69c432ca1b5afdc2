using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using AccessPmc.Contracts;
using AccessPmc.PassFormat;
using SimpleBase;

namespace AccessPmc.Tests.PassFormat;

/// <summary>Claims payloads the payload fuzzer flagged, signed with a real key: the parser must still refuse them.</summary>
public sealed class FuzzPayloadCrashTests
{
    public static TheoryData<string> Crashes => new(Directory.GetFiles(Path.Combine(RepoPaths.Root, "fuzz", "crashes-payload"), "*.cbor").Select(Path.GetFileName)!);

    public static TheoryData<string> PayloadCorpus => new(Directory.GetFiles(Path.Combine(RepoPaths.Root, "fuzz", "corpus-payload")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Crashes))]
    public void PayloadThatOnceCrashedIsMalformedOnceSigned(string file)
    {
        var reading = ReadSigned(Path.Combine(RepoPaths.Root, "fuzz", "crashes-payload", file));

        Assert.Equal(VerifyReasons.Malformed, reading.Reason);
    }

    [Theory]
    [MemberData(nameof(PayloadCorpus))]
    public void EveryFuzzedPayloadReadsAsClaimsOrMalformedOnceSigned(string file)
    {
        var reading = ReadSigned(Path.Combine(RepoPaths.Root, "fuzz", "corpus-payload", file));

        // A signed payload either holds well-formed claims or is malformed: never anything else, never both.
        Assert.True(reading.Claims is null ? reading.Reason == VerifyReasons.Malformed : reading.Reason is null, file);
    }

    private static CodeReading ReadSigned(string path)
    {
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(TestKeys.Signer.Kid) };
        var cose = CoseSign1Message.SignEmbedded(File.ReadAllBytes(path), new CoseSigner(TestKeys.Signer.Key, HashAlgorithmName.SHA256, headers));
        return Codec.Instance.Read(PassCodec.Prefix + Base45.Default.Encode(cose.AsSpan(1)));
    }
}
