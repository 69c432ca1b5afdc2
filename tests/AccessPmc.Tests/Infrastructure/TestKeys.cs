using AccessPmc.PassFormat;

namespace AccessPmc.Tests.Infrastructure;

public static class TestKeys
{
    /// <summary>Generated per test run: no private key lives in the repository.</summary>
    public static readonly SigningKey Signer = SigningKey.Generate();
}
