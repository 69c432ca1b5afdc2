using AccessPmc.Functions;
using AccessPmc.Functions.Configuration;
using AccessPmc.Functions.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests.Documents;

/// <summary>The <c>Documents</c> settings are checked at start, and text is made printable without losing anything visible.</summary>
public sealed class DocumentSettingsTests
{
    [Theory]
    [InlineData("Documents:Organization", "", "Documents__Organization: required; the institution")]
    [InlineData("Documents:Contact", null, "Documents__Contact: required; where holders exercise their rights")]
    [InlineData("Documents:Controller", "Université Exemple\n4 place Jussieu", "Documents__Controller: only characters the document font prints")]
    [InlineData("Documents:PurposeEn", "Access control 漢", "Documents__PurposeEn: only characters the document font prints")]
    [InlineData("AccessPmc:Sites:1:Name", "Campus Jussieu, bâtiment des sciences de la vie et de la Terre", "AccessPmc__Sites__1__Name: at most 60")]
    public void MissingOrUnprintableSettingsStopTheStart(string key, string? value, string message)
    {
        var settings = TestApp.Settings("UseDevelopmentStorage=true", "unused");
        settings[key] = value;

        var refused = Assert.Throws<OptionsValidationException>(() => Documents(settings));

        Assert.Contains(message, StartupFailure.From(refused).Line, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleSettingsAreValid()
    {
        var options = Documents(TestApp.Settings("UseDevelopmentStorage=true", "unused"));

        Assert.Equal("Université Exemple", options.Organization);
        Assert.Equal(DocumentTexts.French.DefaultPurpose, options.Purpose(DocumentTexts.French));
    }

    [Theory]
    [InlineData("Éloïse D’Argent-de La Tour", "Éloïse D’Argent-de La Tour")]
    [InlineData("Cœur Ça l'Œil ŸŒ æ ß ñ ø å", "Cœur Ça l'Œil ŸŒ æ ß ñ ø å")]
    [InlineData("Anne\tMarie\r\nLe\u2003Goff", "Anne Marie  Le Goff")]
    [InlineData("Lé\u00ADon\u200B Blum\u200E", "Léon Blum")]
    [InlineData("N°\u00A012 et 5\u202F%", "N°\u00A012 et 5\u202F%")]
    [InlineData("Zoé😀🦄", "Zoé\uFFFD\uFFFD")]
    [InlineData("Li 漢字 Ωμέγα", "Li \uFFFD\uFFFD Ωμέγα")]
    public void PrintableKeepsWhatTheFontHasAndReplacesTheRestVisibly(string text, string printed)
    {
        Assert.Equal(printed, DocumentFonts.Printable(text));
    }

    private static DocumentOptions Documents(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddAccessPmc(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DocumentOptions>>().Value;
    }
}
