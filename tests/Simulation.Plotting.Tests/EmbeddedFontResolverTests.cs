using ScottPlot;

namespace Simulation.Plotting.Tests;

public class EmbeddedFontResolverTests
{
    [Fact]
    public void CreateTypeface_AnyName_ServesEmbeddedDejaVuWithTheGlyphsChartsUse()
    {
        var resolver = new EmbeddedFontResolver();
        foreach (bool bold in new[] { false, true })
        {
            var typeface = resolver.CreateTypeface("Some Font That Is Not Installed", bold, italic: false);
            Assert.Equal("DejaVu Sans", typeface.FamilyName);
            Assert.True(typeface.ContainsGlyphs("Workers abroad 0123456789 $,.%-()"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CreateTypeface_CutFont_KeepsTheScriptsAndSymbolsChartTextUses(bool bold)
    {
        var typeface = new EmbeddedFontResolver().CreateTypeface("any", bold, italic: false);
        // The symbols the charts and reports write, then Latin, Greek and Cyrillic text a scenario's names may hold.
        Assert.True(typeface.ContainsGlyphs("±—θΣπ²σΠ∝ö∞−φ×≥≤≈→…’“”€₩₽"));
        Assert.True(typeface.ContainsGlyphs("Zürich Łódź Ştefan Şi Donețk Ελλάδα Донбас Україна"));
        // The cut is what keeps Skia's SVG text cheap (Fonts/README.md): a full DejaVu Sans has 6,253 glyphs.
        Assert.InRange(typeface.GlyphCount, 1_000, 2_000);
    }

    [Fact]
    public void EnsureFonts_DefaultFont_ResolvesToTheEmbeddedTypeface()
    {
        PlotStyle.EnsureFonts();
        Assert.Equal(EmbeddedFontResolver.FamilyName, Fonts.Default);
        Assert.Equal("DejaVu Sans", Fonts.GetTypeface(Fonts.Default, bold: true, italic: false).FamilyName);
    }
}
