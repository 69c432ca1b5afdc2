using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.PassFormat;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SimpleBase;

namespace AccessPmc.Benchmarks;

/// <summary>
/// Pass code sign/verify and QR rendering, each category beside its raw baseline: ECDSA P-256 over a payload of
/// the same size (the COSE payload), and JWT ES256 with the same claims as the ecosystem reference.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PassBenchmarks
{
    private readonly Fixture f = Fixture.Create();

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] RawEcdsaSign() => f.Key.Key.SignData(f.Payload, HashAlgorithmName.SHA256);

    [Benchmark, BenchmarkCategory("Sign")]
    public string PassCodecEncode() => f.Codec.Encode(f.Claims);

    [Benchmark, BenchmarkCategory("Sign")]
    public string JwtCreate() => f.Jwt.CreateToken(f.JwtDescriptor);

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool RawEcdsaVerify() => f.Key.Key.VerifyData(f.Payload, f.Signature, HashAlgorithmName.SHA256);

    [Benchmark, BenchmarkCategory("Verify")]
    public CodeReading PassCodecRead() => f.Codec.Read(f.Code);

    [Benchmark, BenchmarkCategory("Verify")]
    public string? OfflineVerifierCheck() => f.Verifier.Check(f.Code, "PMC", f.Now).Reason;

    [Benchmark, BenchmarkCategory("Verify")]
    public async Task<bool> JwtValidate() => (await f.Jwt.ValidateTokenAsync(f.JwtToken, f.JwtValidation)).IsValid;

    // Verify, stage by stage (what PassCodec.Read does, minus the bookkeeping), to see where the time goes.
    [Benchmark, BenchmarkCategory("VerifyStages")]
    public bool StageBase45Strict()
    {
        var text = f.Code.AsSpan(PassCodec.Prefix.Length);
        return text.SequenceEqual(Base45.Default.Encode(Base45.Default.Decode(text)));
    }

    [Benchmark, BenchmarkCategory("VerifyStages")]
    public CoseSign1Message StageCoseDecode() => CoseMessage.DecodeSign1(f.Cose);

    [Benchmark, BenchmarkCategory("VerifyStages")]
    public byte[] StageCoseReEncode() => f.Message.Encode();

    [Benchmark, BenchmarkCategory("VerifyStages")]
    public bool StageCoseVerifyEmbedded() => f.Message.VerifyEmbedded(f.Key.Key);

    // Everything Read does before the crypto (size, prefix, Base45, COSE decode + re-encode, headers, kid lookup):
    // a code signed by a key outside the ring stops at unknown_key.
    [Benchmark, BenchmarkCategory("VerifyStages")]
    public CodeReading StageReadUpToKidLookup() => f.Codec.Read(f.StrangerCode);

    [Benchmark(Baseline = true), BenchmarkCategory("Qr")]
    public byte[] QrPng() => QrRenderer.Png(f.Code);

    [Benchmark, BenchmarkCategory("Qr")]
    public string QrSvg() => QrRenderer.Svg(f.Code);
}

/// <summary>One key, one typical pass (2 sites, 12-character label) and the same claims as a JWT.</summary>
public sealed class Fixture
{
    public DateTimeOffset Now { get; } = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    public required SigningKey Key { get; init; }

    public required PassCodec Codec { get; init; }

    public required OfflineVerifier Verifier { get; init; }

    public required PassClaims Claims { get; init; }

    public required string Code { get; init; }

    public required string StrangerCode { get; init; }

    public required byte[] Cose { get; init; }

    public required CoseSign1Message Message { get; init; }

    public required byte[] Payload { get; init; }

    public required byte[] Signature { get; init; }

    public required JsonWebTokenHandler Jwt { get; init; }

    public required SecurityTokenDescriptor JwtDescriptor { get; init; }

    public required string JwtToken { get; init; }

    public required TokenValidationParameters JwtValidation { get; init; }

    public static Fixture Create()
    {
        var now = new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);
        var key = SigningKey.Generate();
        var codec = new PassCodec(new SigningKeyRing([key], key));
        var claims = new PassClaims(
            Convert.FromHexString("00112233445566778899aabbccddeeff"), now.AddHours(-1), now.AddDays(7),
            PassKinds.Temporary, ["PMC", "JUSSIEU"], "M. DURAND-LE");
        var code = codec.Encode(claims);
        var cose = Base45.Default.Decode(code.AsSpan(PassCodec.Prefix.Length));
        var message = CoseMessage.DecodeSign1(cose);
        var payload = message.Content!.Value.ToArray();

        // JWT lifetime checks use the real clock: give the JWT a window around the real now.
        var jwtNow = DateTime.UtcNow;
        var securityKey = new ECDsaSecurityKey(key.Key) { KeyId = key.KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["jti"] = claims.IdHex,
                ["kind"] = claims.Kind,
                ["sites"] = claims.Sites.ToArray(),
                ["label"] = claims.Label!,
            },
            NotBefore = jwtNow.AddHours(-1),
            Expires = jwtNow.AddDays(7),
            IssuedAt = null,
            SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha256),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var validation = new TokenValidationParameters
        {
            IssuerSigningKey = securityKey,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = false,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        };

        var stranger = SigningKey.Generate();
        return new Fixture
        {
            Key = key,
            Codec = codec,
            Verifier = new OfflineVerifier(codec, TimeSpan.FromMinutes(2)),
            Claims = claims,
            Code = code,
            StrangerCode = new PassCodec(new SigningKeyRing([stranger], stranger)).Encode(claims),
            Cose = cose,
            Message = message,
            Payload = payload,
            Signature = key.Key.SignData(payload, HashAlgorithmName.SHA256),
            Jwt = handler,
            JwtDescriptor = descriptor,
            JwtToken = handler.CreateToken(descriptor),
            JwtValidation = validation,
        };
    }
}
