using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>
/// What a client sees on the wire, under each host: routes, methods, status codes, headers, content types,
/// body limits and query strings. SelfHost serves the functions itself; the Functions host routes them, proxies
/// them to the worker and back: any difference here is a bug, fixed in the app.
/// </summary>
public abstract class HttpParityTests(HostUnderTest host)
{
    private async Task<PassResponse> IssueAsync(string key = TestApp.IssuerKey, string? unit = null) =>
        await host.Client(key).IssuePassAsync(new IssuePassRequest(
            "Jeanne", "Dupont", PassKinds.Temporary, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1), ["PMC"], unit));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task EveryHttpFunctionExceptHealthAnswers401ProblemWithoutAKey()
    {
        // Driven by functions.metadata: a new function that forgets the gate fails here. Web pages
        // (routes outside api/) are public by design and skipped.
        var gated = DeclaredFunctions.Http.Where(f => !f.IsPage && !DeclaredFunctions.PublicApiRoutes.Contains(f.Template)).ToList();
        Assert.NotEmpty(gated);
        foreach (var function in gated)
        {
            foreach (var method in function.MethodsOrGet)
            {
                using var response = await host.SendAsync(new HttpMethod(method), function.Path("probe"));
                var what = $"{method} {function.Template} ({function.Name}) under {host.Name}";

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
                Assert.True(response.Headers.WwwAuthenticate.ToString() == "Bearer", $"{what}: WWW-Authenticate '{response.Headers.WwwAuthenticate}'");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(method == "HEAD" ? body.Length == 0 : JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() == ErrorCodes.Unauthenticated, $"{what}: {body}");
            }
        }
    }

    [Fact]
    public async Task EveryHttpFunctionRefusesAQueryParameterGivenTwice()
    {
        // Which of two values would win is not the caller's to guess: one rule, in the gate, for every endpoint.
        var gated = DeclaredFunctions.Http.Where(f => !f.IsPage && !DeclaredFunctions.PublicApiRoutes.Contains(f.Template)).ToList();
        foreach (var function in gated)
        {
            foreach (var method in function.MethodsOrGet.Where(m => m != "HEAD"))
            {
                using var response = await host.SendAsync(new HttpMethod(method), function.Path("probe") + "?site=PMC&site=JUSSIEU", TestApp.AdminKey);
                var problem = await ProblemAsync(response);
                var what = $"{method} {function.Template} ({function.Name}) under {host.Name}";

                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
                Assert.True(problem.GetProperty("code").GetString() == ErrorCodes.ValidationFailed, $"{what}: {problem}");
                Assert.True(problem.GetProperty("errors").TryGetProperty("site", out _), $"{what}: {problem}");
            }
        }
    }

    [Fact]
    public async Task HeadOnEveryGetRouteAnswersLikeGetWithoutABody()
    {
        var pass = await IssueAsync();
        var gets = DeclaredFunctions.Http.Where(f => f.Methods.Contains("GET")).ToList();
        Assert.NotEmpty(gets);
        foreach (var function in gets)
        {
            Assert.True(function.Methods.Contains("HEAD"), $"{function.Name} declares GET without HEAD.");
            using var get = await host.SendAsync(HttpMethod.Get, function.Path(pass.Id), TestApp.AdminKey);
            using var head = await host.SendAsync(HttpMethod.Head, function.Path(pass.Id), TestApp.AdminKey);
            var what = $"{function.Template} under {host.Name}";

            Assert.True(get.StatusCode == head.StatusCode, $"{what}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            Assert.True(Equals(get.Content.Headers.ContentType, head.Content.Headers.ContentType), $"{what}: GET {get.Content.Headers.ContentType}, HEAD {head.Content.Headers.ContentType}");
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task RoutesMatchCaseInsensitivelyAndPercentEncodedRouteValuesAreDecoded()
    {
        var pass = await IssueAsync();

        using var health = await host.SendAsync(HttpMethod.Get, "API/HEALTH");
        using var slash = await host.SendAsync(HttpMethod.Get, "api/health/");
        using var slashedId = await host.SendAsync(HttpMethod.Get, $"api/passes/{pass.Id[..4]}%2F{pass.Id[4..]}", TestApp.IssuerKey);
        using var qr = await host.SendAsync(HttpMethod.Get, $"Api/Passes/{pass.Id}/QR", TestApp.IssuerKey);
        using var encoded = await host.SendAsync(HttpMethod.Get, $"api/passes/%{(int)pass.Id[0]:X2}{pass.Id[1..]}", TestApp.IssuerKey);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slash.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, slashedId.StatusCode);
        Assert.Equal(ErrorCodes.NotFound, (await ProblemAsync(slashedId)).GetProperty("code").GetString());
        Assert.Equal((HttpStatusCode.OK, "image/png"), (qr.StatusCode, qr.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
        Assert.Equal(pass.Id, (await encoded.Content.ReadFromJsonAsync(AccessPmcJson.Default.PassResponse))!.Id);
    }

    [Theory]
    [InlineData("POST", "api/health")]
    [InlineData("DELETE", "api/passes")]
    [InlineData("PUT", "api/passes/0123456789abcdef0123456789abcdef")]
    [InlineData("PATCH", "api/verify")]
    [InlineData("GET", "api/verify")]
    [InlineData("HEAD", "api/verify")]
    [InlineData("OPTIONS", "api/keys")]
    [InlineData("GET", "api/nothing-here")]
    [InlineData("GET", "api/passes/0123456789abcdef0123456789abcdef/qr/extra")]
    public async Task AWrongMethodOrAnUnknownRouteIsAnEmpty404(string method, string path)
    {
        using var response = await host.SendAsync(new HttpMethod(method), path, TestApp.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IssuingAnswers201WithLocationAndJsonThatTheLocationServes()
    {
        var request = new IssuePassRequest("Ada", "Lovelace", PassKinds.Temporary, null, DateTimeOffset.UtcNow.AddDays(1), ["PMC"]);
        using var created = await host.SendAsync(HttpMethod.Post, "api/passes", TestApp.IssuerKey, JsonContent.Create(request, AccessPmcJson.Default.IssuePassRequest));
        var pass = await created.Content.ReadFromJsonAsync(AccessPmcJson.Default.PassResponse);
        using var located = await host.SendAsync(HttpMethod.Get, created.Headers.Location!.OriginalString.TrimStart('/'), TestApp.IssuerKey);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/json; charset=utf-8", created.Content.Headers.ContentType?.ToString());
        Assert.Equal($"/api/passes/{pass!.Id}", created.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
    }

    [Fact]
    public async Task QrImagesCarryTheirTypesAndAreNeverCached()
    {
        var pass = await IssueAsync();

        using var png = await host.SendAsync(HttpMethod.Get, $"api/passes/{pass.Id}/qr", TestApp.IssuerKey);
        using var svg = await host.SendAsync(HttpMethod.Get, $"api/passes/{pass.Id}/qr?FORMAT=SVG", TestApp.IssuerKey);
        using var gif = await host.SendAsync(HttpMethod.Get, $"api/passes/{pass.Id}/qr?format=gif", TestApp.IssuerKey);

        Assert.Equal(("image/png", "no-store"), (png.Content.Headers.ContentType?.MediaType, png.Headers.CacheControl?.ToString()));
        Assert.Equal(("image/svg+xml", "no-store"), (svg.Content.Headers.ContentType?.MediaType, svg.Headers.CacheControl?.ToString()));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.BadFormat), (gif.StatusCode, (await ProblemAsync(gif)).GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task WebAssetsArriveInTheAcceptedCodingAndDecodeToTheBuiltBytes(string coding)
    {
        // The host must pass the coding through untouched: neither strip Content-Encoding nor decode on the way.
        var html = await (await host.SendAsync(HttpMethod.Get, "scanner/")).Content.ReadAsStringAsync();
        var script = "scanner/" + Regex.Match(html, "src=\"(assets/app-[^\"]+)\"").Groups[1].Value;
        var source = await (await host.SendAsync(HttpMethod.Get, script)).Content.ReadAsStringAsync();
        var decoder = "scanner/" + Regex.Match(source, @"assets/zxing_reader-[0-9a-f]{12}\.wasm").Value;

        foreach (var path in new[] { script, decoder })
        {
            using var plain = await host.SendAsync(HttpMethod.Get, path);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, path));
            request.Headers.AcceptEncoding.ParseAdd(coding);
            using var packed = await host.Http.SendAsync(request);
            var bytes = await packed.Content.ReadAsByteArrayAsync();

            Assert.Equal((HttpStatusCode.OK, coding), (packed.StatusCode, packed.Content.Headers.ContentEncoding.Single()));
            Assert.Equal("Accept-Encoding", packed.Headers.Vary.Single());
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.True(bytes.Length < plain.Content.Headers.ContentLength / 2, $"{path}: {bytes.Length} bytes in {coding}");
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), Decode(bytes, coding));
        }
    }

    private static byte[] Decode(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoded = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoded.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public async Task BodiesOverTheLimitAre413WhetherTheyDeclareTheirLengthOrNot()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"code":"{{new string('A', 40_000)}}","site":"PMC"}""");
        var declared = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        // No Content-Length: HttpClient sends a stream of unknown length chunked.
        var chunked = new StreamContent(new UnknownLengthStream(json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        var csv = new StringContent("givenName,familyName\n" + string.Concat(Enumerable.Repeat("Ada,Lovelace\n", 90_000)), Encoding.UTF8, "text/csv");

        using var first = await host.SendAsync(HttpMethod.Post, "api/verify", TestApp.ScannerKey, declared);
        using var second = await host.SendAsync(HttpMethod.Post, "api/verify", TestApp.ScannerKey, chunked);
        using var batch = await host.SendAsync(HttpMethod.Post, "api/passes/batch", TestApp.IssuerKey, csv);

        foreach (var response in new[] { first, second, batch })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal(ErrorCodes.BodyTooLarge, (await ProblemAsync(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task RefusedMediaTypesAndBrokenJsonAreProblems()
    {
        using var text = await host.SendAsync(HttpMethod.Post, "api/verify", TestApp.ScannerKey, new StringContent("PMC1:X", Encoding.UTF8, "text/plain"));
        using var broken = await host.SendAsync(HttpMethod.Post, "api/verify", TestApp.ScannerKey, new StringContent("{\"code\":", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType), (text.StatusCode, (await ProblemAsync(text)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.InvalidJson), (broken.StatusCode, (await ProblemAsync(broken)).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task QueryStringsAreReadAlike()
    {
        // Unit CHEM is this test's alone in the class: the other tests issue for PHYS.
        for (var i = 0; i < 3; i++)
        {
            await IssueAsync(TestApp.OtherIssuerKey, "CHEM");
        }

        var chem = host.Client(TestApp.OtherIssuerKey);
        var page1 = await chem.ListPassesAsync("CHEM", pageSize: 2);
        var page2 = await chem.ListPassesAsync("CHEM", pageSize: 2, next: page1.Next);
        using var encoded = await host.SendAsync(HttpMethod.Get, "api/passes?unit=CH%45M&pageSize=1", TestApp.OtherIssuerKey);
        using var repeated = await host.SendAsync(HttpMethod.Get, "api/passes?unit=CHEM&unit=PHYS&pageSize=1", TestApp.OtherIssuerKey);
        using var plus = await host.SendAsync(HttpMethod.Get, "api/passes?unit=CH+EM", TestApp.OtherIssuerKey);
        using var notANumber = await host.SendAsync(HttpMethod.Get, "api/passes?unit=CHEM&pageSize=two", TestApp.OtherIssuerKey);

        Assert.Equal((2, 1, null), (page1.Items.Count, page2.Items.Count, page2.Next));
        Assert.NotNull(page1.Next);
        Assert.Single((await encoded.Content.ReadFromJsonAsync(AccessPmcJson.Default.PassPage))!.Items);
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (repeated.StatusCode, (await ProblemAsync(repeated)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.UnknownUnit), (plus.StatusCode, (await ProblemAsync(plus)).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed), (notANumber.StatusCode, (await ProblemAsync(notANumber)).GetProperty("code").GetString()));
    }

    /// <summary>A stream whose length nobody knows, as a client that streams its body: sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Host", "SelfHost")]
public sealed class HttpParityOnSelfHost(SelfHostUnderTest host) : HttpParityTests(host), IClassFixture<SelfHostUnderTest>;

[Collection(AzuriteCollection.Name)]
[Trait("Host", "Functions")]
public sealed class HttpParityOnFunctionsHost(FunctionsHostUnderTest host) : HttpParityTests(host), IClassFixture<FunctionsHostUnderTest>;
