using AccessPmc.Contracts;
using AccessPmc.EndToEnd.Tests.Infrastructure;
using AccessPmc.Functions.Documents;
using Microsoft.Extensions.Options;

namespace AccessPmc.EndToEnd.Tests;

/// <summary>Printable documents over real HTTP through SelfHost, with <see cref="AccessPmcClient"/> only.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DocumentWalkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningHost host = null!;

    public async Task InitializeAsync() => host = await RunningHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PrintedCardCarriesTheCodeAndABatchListsWhatItRefused()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var issued = await host.Issuer.IssuePassAsync(new("Éloïse", "D'Argent-de La Tour", PassKinds.Temporary, from, from.AddDays(1), ["PMC"]));
        var unknown = new string('a', 32);

        var card = await host.Issuer.GetDocumentAsync(issued.Id, DocumentLayouts.Card, DocumentLanguages.English);
        var batch = await host.Issuer.GetDocumentsAsync(new DocumentBatchRequest([unknown, issued.Id], DocumentLayouts.Sheet));
        var scanner = await Assert.ThrowsAsync<AccessPmcException>(() => host.Scanner.GetDocumentAsync(issued.Id));

        Assert.Equal(issued.Code, PdfRaster.ReadQr(PdfRaster.Png(card, 1, 300), 300, QrDrawing.Modules(issued.Code)).Text);
        Assert.Equal((1, 1), (batch.Printed, batch.Refused));
        Assert.Equal(issued.Code, PdfRaster.ReadQr(PdfRaster.Png(batch.Pdf, 1, 150), 150, QrDrawing.Modules(issued.Code)).Text);
        Assert.Equal((403, ErrorCodes.Forbidden), ((int)scanner.Status, scanner.Code));
    }

    [Fact]
    public async Task HostRefusesToStartWithoutTheGdprNoticeSettings()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningHost.StartAsync(azurite, new Dictionary<string, string?> { ["Documents:Controller"] = null }));

        Assert.StartsWith("Documents__Controller: required", AccessPmc.Functions.Configuration.StartupFailure.From(refused).Line, StringComparison.Ordinal);
    }
}
