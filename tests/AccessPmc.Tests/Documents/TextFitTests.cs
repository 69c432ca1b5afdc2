using AccessPmc.Functions.Documents;
using CsCheck;
using PdfSharp.Drawing;
using PdfSharp.Events;

namespace AccessPmc.Tests.Documents;

/// <summary>Line breaking and fitting never lose a character and never exceed the box.</summary>
public sealed class TextFitTests
{
    private static readonly Gen<string> Names = Gen.Char["abcdeéèWMiïl'’- \u00A0ÇŒœ"].Array[1, 160].Select(c => new string(c));

    [Fact]
    public void WrappedLinesKeepEveryVisibleCharacterInOrderAndFitTheWidth()
    {
        using var g = MeasureContext();
        Gen.Select(Names, Gen.Double[20, 300], Gen.Bool).Sample((text, width, bold) =>
        {
            var font = DocumentFonts.Font(9, bold);
            var lines = TextFit.Lines(g, text, font, width);

            Assert.Equal(DocumentCalls.Squash(text), DocumentCalls.Squash(string.Concat(lines)));
            Assert.All(lines, line => Assert.True(TextFit.Measure(g, line, font) <= width + 1e-6 || line.Length == 1, $"'{line}' is wider than {width}."));
        });
    }

    [Fact]
    public void ShrinkPrefersOneSmallerLineThenWrapsAtTheMinimum()
    {
        using var g = MeasureContext();
        const string name = "Éloïse D’Argent-de La Tour";
        var oneLine = TextFit.Measure(g, name, DocumentFonts.Font(22, true));

        var roomy = TextFit.Shrink(g, name, true, 22, 14, oneLine + 1, 90);
        var narrower = TextFit.Shrink(g, name, true, 22, 14, oneLine * 0.8, 90);
        var narrow = TextFit.Shrink(g, name, true, 22, 14, oneLine / 2, 90);

        Assert.Equal((1, 22.0), (roomy.Lines.Count, roomy.Font.Size));
        Assert.Single(narrower.Lines);
        Assert.InRange(narrower.Font.Size, 14, 21.5);
        Assert.Equal(["Éloïse D’Argent-de", "La Tour"], narrow.Lines);
        Assert.Equal(14.0, narrow.Font.Size);
    }

    [Fact]
    public void TextThatCannotFitEvenAtTheFloorThrowsRatherThanBeingCut()
    {
        using var g = MeasureContext();

        Assert.Throws<InvalidOperationException>(() => TextFit.Wrap(g, new string('W', 500), false, 10, 50, 20));
    }

    private static XGraphics MeasureContext() =>
        XGraphics.CreateMeasureContext(new XSize(600, 800), XGraphicsUnit.Point, XPageDirection.Downwards, new RenderEvents());
}
