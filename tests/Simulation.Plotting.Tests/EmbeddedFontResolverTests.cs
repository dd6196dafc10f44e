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

    [Fact]
    public void EnsureFonts_DefaultFont_ResolvesToTheEmbeddedTypeface()
    {
        PlotStyle.EnsureFonts();
        Assert.Equal(EmbeddedFontResolver.FamilyName, Fonts.Default);
        Assert.Equal("DejaVu Sans", Fonts.GetTypeface(Fonts.Default, bold: true, italic: false).FamilyName);
    }
}
