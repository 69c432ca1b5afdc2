using System.Text.Json;
using System.Text;
using AccessPmc.Contracts;
using AccessPmc.Functions.Security;
using AccessPmc.PassFormat;
using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using AccessPmc.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccessPmc.Tests.Infrastructure;

public static class TestKeys
{
    /// <summary>Generated per test run: no private key lives in the repository.</summary>
    public static readonly SigningKey Signer = SigningKey.Generate();
}
