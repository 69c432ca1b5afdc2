using AccessPmc.PassFormat;

namespace AccessPmc.Tests.PassFormat;

public sealed class PassCodeSizeTests
{
    [Fact]
    public void LargestPassTheRulesAllowStillFitsTheReadersBound()
    {
        // 16 sites whose codes use the whole site budget, and the longest label.
        var sites = Enumerable.Range(0, 16).Select(i => $"S{i:D2}" + new string('X', (AccessPmc.Functions.Passes.PassRules.MaxSiteText / 16) - 4)).ToArray();
        var code = Codec.Code(Codec.Claims(new string('L', ClaimsCbor.MaxLabelLength), sites));

        Assert.True(sites.Sum(s => s.Length + 1) <= AccessPmc.Functions.Passes.PassRules.MaxSiteText);
        Assert.InRange(code.Length, 1, PassCodec.MaxCodeLength);
        Assert.Null(Codec.Instance.Read(code).Reason);
    }
}
