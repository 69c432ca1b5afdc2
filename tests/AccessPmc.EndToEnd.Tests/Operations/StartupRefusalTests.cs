using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using AccessPmc.PassFormat;
using AccessPmc.SelfHost;

namespace AccessPmc.EndToEnd.Tests.Operations;

/// <summary>
/// The program as systemd runs it: a settings error is one line naming the setting as the operator
/// typed it, no stack trace, exit code 2 (the unit's RestartPreventExitStatus); other failures exit 1.
/// Settings come from a local.settings.json in environment-variable form, as an operator writes them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupRefusalTests(AzuriteFixture azurite)
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A well-formed key that is not the account's.</summary>
    private const string OtherKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";

    /// <summary>Settings as "NAME=value" lines (a name alone removes it) and the start of the expected line.</summary>
    public static TheoryData<string[], string> Refusals => new()
    {
        { ["Signing__Keys__0__Pem", "Signing__Keys__0__PemFile=/nonexistent/signing-2026.pem"], "Signing__Keys__0__PemFile: cannot read /nonexistent/signing-2026.pem: file not found." },
        { ["Signing__Keys__0__PemFile=/etc/accesspmc/signing.pem"], "Signing__Keys__0__Pem: give Pem or PemFile, not both" },
        { ["Signing__Keys__1__Pem=-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"], "Signing__Keys__1__Pem: the value is not an EC P-256 key in PEM" },
        { ["Signing__Keys__0__Pem="], "Signing__Keys__0__PemFile: no signing key configured" },
        { ["Auth__Clients__3__KeySha256=replace-with-sha256-hex-of-your-admin-key"], "Auth__Clients__3__KeySha256: not a SHA-256 in hex" },
        { ["Auth__Clients__1__Role=superuser"], "Auth__Clients__1__Role: 'superuser' is not a role" },
        { ["AccessPmc__Sites__0__Code=pmc lower"], "AccessPmc__Sites__0__Code: 1 to 16 capital letters, digits or '-', e.g. PMC." },
        { ["AccessPmc__Sites__0__Capacity=lots"], "AccessPmc__Sites__0__Capacity: cannot be read as a whole number (digits only, e.g. 1500)." },
        { ["Signing__Keys__1__Pem=x", "Signing__Keys__1__Active=yes"], "Signing__Keys__1__Active: cannot be read as true or false." },
        { ["AccessPmc__Sites__1__Code=PMC"], "AccessPmc__Sites__1__Code: 'PMC' is already AccessPmc__Sites__0__Code; each item of AccessPmc__Sites needs its own Code." },
        { ["AccessPmc__Sites__0__Capcity=10"], "AccessPmc__Sites__0__Capcity: unknown setting; did you mean AccessPmc__Sites__0__Capacity?" },
        { ["AccessPmc__Sites__0__CapacityMode=warning"], "AccessPmc__Sites__0__CapacityMode: refuse or warn." },
        { ["AccessPmc__Kinds__LongTerm__MaxValidity=366 days"], "AccessPmc__Kinds__LongTerm__MaxValidity: cannot be read as a duration, days.hours:minutes:seconds: e.g. 366.00:00:00" },
        { ["Documents__Organization="], "Documents__Organization: required; the institution printed at the top of every document." },
        { ["AzureWebJobsStorage"], "AzureWebJobsStorage: not set; give the storage connection string" },
        { ["ExpirePassesSchedule=*/5 * * * *"], "ExpirePassesSchedule: '*/5 * * * *' has 5 fields; write 6 fields" },
        { ["PurgePersonalDataSchedule=0 30 2 * * MON-XYZ"], "PurgePersonalDataSchedule: '0 30 2 * * MON-XYZ': the day-of-week field (6 of 6), 'MON-XYZ', cannot be read" },
        { ["AccessPmc__Kinds__long-term__MaxValidity=400.00:00:00"], "AccessPmc__Kinds__long-term: set the kind long-term as AccessPmc__Kinds__LongTerm__MaxValidity" },
        { ["AccessPmc__Kinds__Attestation__AllowedHours=20:00-07:00"], "AccessPmc__Kinds__Attestation__AllowedHours: HH:mm-HH:mm" },
        { ["AccessPmc__ClockSkew=two minutes"], "AccessPmc__ClockSkew: cannot be read as a duration" },
        { [$"AzureWebJobsStorage=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=not a url"], "AzureWebJobsStorage: not a storage connection string" },
        { ["WEBSITE_TIME_ZONE=Europe/Paris"], "WEBSITE_TIME_ZONE: 'Europe/Paris': timer schedules are UTC under both hosts" },
        { ["Proxy__TrustedProxies__0=nginx.internal"], "Proxy__TrustedProxies__0: 'nginx.internal' is neither an IP address" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task SettingsErrorIsOneLineNamingTheSettingAndExitCode2(string[] settings, string expected)
    {
        var (code, output) = await RunAsync(settings.Select(Parse).ToDictionary());

        Assert.True(code == 2, output);
        Assert.StartsWith("SelfHost refused to start: " + expected, output, StringComparison.Ordinal);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(AccountKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoActiveKeysAreOneRefusalNamingBoth()
    {
        var (code, output) = await RunAsync(new Dictionary<string, string?>
        {
            ["Signing__Keys__0__Active"] = "true",
            ["Signing__Keys__1__Pem"] = SigningKey.Generate().ExportPrivatePem(),
            ["Signing__Keys__1__Active"] = "true",
        });

        Assert.Equal(2, code);
        Assert.Equal("SelfHost refused to start: Signing__Keys__1__Active: exactly one signing key must have Active=true; found 2 among 2 (Signing__Keys__0__Active, Signing__Keys__1__Active).\n", output);
    }

    [Fact]
    public async Task NoSigningKeyOutsideDevelopmentIsARefusal()
    {
        var (code, output) = await RunAsync(new Dictionary<string, string?> { ["Signing__Keys__0__Pem"] = null, ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production" });

        Assert.Equal(2, code);
        Assert.StartsWith("SelfHost refused to start: Signing__Keys__0__PemFile: no signing key configured", output, StringComparison.Ordinal);
    }

    /// <summary>Storage answers, but not to this account: restarting cannot help.</summary>
    [Theory]
    [InlineData("AccountKey=" + AccountKey, "AccountKey=" + OtherKey, "refused the account name or key (403")]
    [InlineData("AccountName=devstoreaccount1", "AccountName=otheraccount", "has no such account (404)")]
    public async Task StorageRefusingTheAccountIsARefusalNamingTheSetting(string right, string wrong, string expected)
    {
        var connection = azurite.ConnectionString.Replace(right, wrong, StringComparison.Ordinal).Replace("/devstoreaccount1", wrong.StartsWith("AccountName", StringComparison.Ordinal) ? "/otheraccount" : "/devstoreaccount1", StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, connection);

        var (code, output) = await RunAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection });

        Assert.True(code == 2, output);
        Assert.True(output.StartsWith("SelfHost refused to start: AzureWebJobsStorage: storage " + expected, StringComparison.Ordinal), output);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(OtherKey, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageNotAnsweringIsAFailureThatMayPassExitCode1()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var (code, output) = await RunAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        });

        Assert.True(code == 1, output);
        Assert.StartsWith($"SelfHost failed to start: AzureWebJobsStorage: table storage at http://127.0.0.1:{port}/devstoreaccount1 is unreachable (", output, StringComparison.Ordinal);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task APortInUseIsAFailureThatMayPassOnRestartExitCode1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        var (code, output) = await RunAsync([], port: ((IPEndPoint)taken.LocalEndpoint).Port);

        Assert.Equal(1, code);
        Assert.StartsWith("SelfHost failed to start: IOException: ", output, StringComparison.Ordinal);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
    }

    private static KeyValuePair<string, string?> Parse(string line) =>
        line.Split('=', 2) is [var name, var value] ? new(name, value) : new(line, null);

    /// <summary>Runs the program with the end-to-end settings plus <paramref name="changes"/> (null removes one); returns the exit code and stderr.</summary>
    private async Task<(int Code, string Error)> RunAsync(Dictionary<string, string?> changes, int port = 0)
    {
        var values = RunningHost.Settings(azurite.ConnectionString)
            .ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var folder = Directory.CreateTempSubdirectory("pmc-refusal-");
        var file = Path.Combine(folder.FullName, "local.settings.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values.Where(kv => kv.Value is not null).ToDictionary() }));
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await SelfHostApp.RunAsync(["--settings", file, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error)
                .WaitAsync(TimeSpan.FromSeconds(60));
            return (code, error.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
