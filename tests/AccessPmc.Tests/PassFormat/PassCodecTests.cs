using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.PassFormat;
using SimpleBase;
using Xunit.Abstractions;

namespace AccessPmc.Tests.PassFormat;

public sealed class PassCodecTests(ITestOutputHelper output)
{
    [Fact]
    public void EncodedPassReadsBackWithTheSameClaims()
    {
        var claims = Codec.Claims();
        var reading = Codec.Instance.Read(Codec.Code(claims));

        Assert.Null(reading.Reason);
        var read = reading.Claims!;
        Assert.Equal(claims.IdHex, read.IdHex);
        Assert.Equal(claims.NotBefore, read.NotBefore);
        Assert.Equal(claims.Expiry, read.Expiry);
        Assert.Equal(claims.Kind, read.Kind);
        Assert.Equal(claims.Sites, read.Sites);
        Assert.Equal(claims.Label, read.Label);
        Assert.Equal(TestKeys.Signer.KeyId, reading.KeyId);
    }

    [Fact]
    public void CodeIsPrefixedBase45SoTheQrUsesAlphanumericMode()
    {
        var code = Codec.Code();

        Assert.StartsWith("PMC1:", code, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Z $%*+./:-]+$", code);
    }

    [Fact]
    public void TypicalPassFitsQrVersionEightAtLevelM()
    {
        var withLabel = Codec.Code(Codec.Claims("J. DUPONTEL", "PMC", "JUSSIEU") with { Label = "M. DURAND-LE" });
        var withoutLabel = Codec.Code(Codec.Claims(null, "PMC", "JUSSIEU"));

        var versionWith = QrRenderer.Version(withLabel);
        var versionWithout = QrRenderer.Version(withoutLabel);
        output.WriteLine($"12-char label: {withLabel.Length} chars, QR version {versionWith}; no label: {withoutLabel.Length} chars, QR version {versionWithout}");

        Assert.InRange(versionWith, 1, 8);
        Assert.InRange(versionWithout, 1, versionWith);
    }

    [Fact]
    public void EverySingleCharacterChangeIsRejected()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        var code = Codec.Code();
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != code[i]))
            {
                var mutated = string.Concat(code.AsSpan(0, i), c.ToString(), code.AsSpan(i + 1));
                var reason = Codec.Verdict(mutated);
                Assert.True(reason is not null, $"Changing position {i} to '{c}' was accepted.");
            }
        }
    }

    [Fact]
    public void EverySingleByteChangeOfTheCoseMessageIsRejected()
    {
        var bytes = Base45.Default.Decode(Codec.Code().AsSpan(PassCodec.Prefix.Length));
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var delta in new byte[] { 1, 0x80, 0xFF })
            {
                var mutated = (byte[])bytes.Clone();
                mutated[i] ^= delta;
                var reason = Codec.Verdict(PassCodec.Prefix + Base45.Default.Encode(mutated));
                Assert.True(reason is not null, $"Flipping byte {i} with {delta:x2} was accepted.");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(30)]
    public void TruncatedCodeIsMalformed(int cut)
    {
        var code = Codec.Code();

        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(code[..^cut]));
    }

    [Theory]
    [InlineData("PMC2:")]
    [InlineData("pmc1:")]
    [InlineData("")]
    [InlineData("HC1:")]
    public void WrongPrefixIsMalformed(string prefix)
    {
        var code = Codec.Code();

        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(prefix + code[PassCodec.Prefix.Length..]));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("#")]
    [InlineData("é")]
    public void NonBase45CharacterIsMalformed(string intruder)
    {
        var code = Codec.Code();

        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(code[..20] + intruder + code[21..]));
    }

    [Fact]
    public void OversizedInputIsRejectedBeforeDecoding()
    {
        // Valid Base45 that would decode fine: only the length bound can refuse it.
        var huge = PassCodec.Prefix + new string('0', 30_000);

        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(huge));
        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(null));
    }

    [Fact]
    public void AlgorithmOtherThanEs256IsABadSignature()
    {
        var payload = ClaimsCbor.Write(Codec.Claims());
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(TestKeys.Signer.Kid) };
        var es384 = CoseSign1Message.SignEmbedded(payload, new CoseSigner(TestKeys.Signer.Key, HashAlgorithmName.SHA384, headers));

        Assert.Equal(VerifyReasons.BadSignature, Codec.Verdict(PassCodec.Prefix + Base45.Default.Encode(es384.AsSpan(1))));
    }

    [Fact]
    public void CodeSignedByAKeyOutsideTheRingIsUnknownKey()
    {
        var stranger = SigningKey.Generate();
        var code = new PassCodec(new SigningKeyRing([stranger], stranger)).Encode(Codec.Claims());

        Assert.Equal(VerifyReasons.UnknownKey, Codec.Verdict(code));
    }

    [Fact]
    public void SignatureOfZerosIsABadSignature()
    {
        var code = Codec.Assemble(Codec.ProtectedHeader(-7, TestKeys.Signer.Kid), ClaimsCbor.Write(Codec.Claims()), new byte[64]);
        var sameWithRealSignature = Codec.Code();

        Assert.Equal(sameWithRealSignature.Length, code.Length);

        Assert.Equal(VerifyReasons.BadSignature, Codec.Verdict(code));
    }

    [Fact]
    public void TaggedMessageIsMalformed()
    {
        // The format fixes the untagged form: one encoding per pass, nothing for a forger to vary.
        var code = Codec.Assemble(Codec.ProtectedHeader(-7, TestKeys.Signer.Kid), ClaimsCbor.Write(Codec.Claims()), new byte[64], tagged: true);

        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(code));
    }

    [Fact]
    public void PassPastItsExpiryIsExpired()
    {
        Assert.Equal(VerifyReasons.Expired, Codec.Verdict(Codec.Code(), at: Codec.Now.AddDays(8)));
    }

    [Fact]
    public void PassBeforeItsStartIsNotYetValid()
    {
        Assert.Equal(VerifyReasons.NotYetValid, Codec.Verdict(Codec.Code(), at: Codec.Now.AddHours(-2)));
    }

    [Fact]
    public void SmallClockSkewIsTolerated()
    {
        Assert.Null(Codec.Verdict(Codec.Code(), at: Codec.Now.AddHours(-1).AddSeconds(-60)));
    }

    [Fact]
    public void PassAtASiteItDoesNotOpenIsWrongSite()
    {
        Assert.Equal(VerifyReasons.WrongSite, Codec.Verdict(Codec.Code(), site: "VILLEJUIF"));
    }

    [Fact]
    public void ValidPassAtAllowedSiteIsValid()
    {
        Assert.Null(Codec.Verdict(Codec.Code(), site: "JUSSIEU"));
    }

    [Fact]
    public void ValidlySignedButIllFormedClaimsAreMalformed()
    {
        var w = new System.Formats.Cbor.CborWriter();
        w.WriteStartMap(1);
        w.WriteInt32(7);
        w.WriteByteString(new byte[3]);
        w.WriteEndMap();
        var headers = new CoseHeaderMap { [CoseHeaderLabel.KeyIdentifier] = CoseHeaderValue.FromBytes(TestKeys.Signer.Kid) };
        var cose = CoseSign1Message.SignEmbedded(w.Encode(), new CoseSigner(TestKeys.Signer.Key, HashAlgorithmName.SHA256, headers));

        Assert.Equal(VerifyReasons.Malformed, Codec.Verdict(PassCodec.Prefix + Base45.Default.Encode(cose.AsSpan(1))));
    }
}
