using AccessPmc.Functions.Passes;
using AccessPmc.PassFormat;
using BenchmarkDotNet.Running;
using QRCoder;

namespace AccessPmc.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--sizes"])
        {
            return await Sizes();
        }

        if (args is ["--document-samples", var folder])
        {
            return DocumentSamples.Write(folder);
        }

        if (args is ["--document-sizes"])
        {
            return DocumentBench.PrintSizes();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Sizes and QR versions of the typical pass and of the same claims as a JWT; sanity-checks each verifies.</summary>
    private static async Task<int> Sizes()
    {
        var f = Fixture.Create();
        var noLabel = f.Codec.Encode(f.Claims with { Label = null });
        var jwtValid = (await f.Jwt.ValidateTokenAsync(f.JwtToken, f.JwtValidation)).IsValid;
        Console.WriteLine($"pass code (2 sites, 12-char label): {f.Code.Length} chars, COSE {f.Cose.Length} bytes, payload {f.Payload.Length} bytes, QR version {QrRenderer.Version(f.Code)} (M)");
        Console.WriteLine($"pass code (2 sites, no label): {noLabel.Length} chars, QR version {QrRenderer.Version(noLabel)} (M)");
        using var jwtQr = QRCodeGenerator.GenerateQrCode(f.JwtToken, QRCodeGenerator.ECCLevel.M);
        Console.WriteLine($"JWT ES256 (same claims): {f.JwtToken.Length} chars, QR version {jwtQr.Version} (M), valid={jwtValid}");
        var sites = Enumerable.Range(0, ClaimsCbor.MaxSites).Select(i => $"SITE-{i:D11}").ToList();
        var largest = f.Codec.Encode(f.Claims with { Sites = sites, Label = new string('X', ClaimsCbor.MaxLabelLength) });
        Console.WriteLine($"largest claims allowed (16 sites x 16 chars, 32-char label): {largest.Length} chars (reader bound {PassCodec.MaxCodeLength}), reads as: {f.Codec.Read(largest).Reason ?? "valid"}");
        Console.WriteLine($"pass verifies: {f.Verifier.Check(f.Code, "PMC", f.Now).Reason ?? "valid"}");
        Console.WriteLine(f.JwtToken);
        return jwtValid ? 0 : 1;
    }
}
