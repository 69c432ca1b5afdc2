using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using SimpleBase;

namespace AccessPmc.Tests.PassFormat;

/// <summary>Claims payloads the payload fuzzer flagged, signed with a real key: the parser must still refuse them.</summary>
public sealed class FuzzPayloadCrashTests
{
    public static TheoryData<string> Crashes => new(Directory.GetFiles(Path.Combine(RepoPaths.Root, "fuzz", "crashes"), "*.cbor").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Crashes))]
    public void PayloadThatOnceCrashedIsMalformedOnceSigned(string file)
    {
        var payload = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "fuzz", "crashes", file));
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(TestKeys.Signer.Kid) };
        var cose = CoseSign1Message.SignEmbedded(payload, new CoseSigner(TestKeys.Signer.Key, HashAlgorithmName.SHA256, headers));

        var reading = Codec.Instance.Read(PassCodec.Prefix + Base45.Default.Encode(cose.AsSpan(1)));

        Assert.Equal(VerifyReasons.Malformed, reading.Reason);
    }
}
