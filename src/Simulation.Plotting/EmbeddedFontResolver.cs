using ScottPlot;
using SkiaSharp;

namespace Simulation.Plotting;

/// <summary>
/// Serves DejaVu Sans (regular and bold, shipped inside this assembly; free licence in Fonts/LICENSE-DejaVu.txt)
/// for every font ScottPlot asks for. Without it, a machine with no fonts installed renders plots with no
/// text at all, silently.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private readonly SKTypeface _regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface _bold = Load("DejaVuSans-Bold.ttf");

    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        weight >= FontWeight.SemiBold ? _bold : _regular;

    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => bold ? _bold : _regular;

    private static SKTypeface Load(string file)
    {
        string name = $"Simulation.Plotting.Fonts.{file}";
        using Stream stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is missing from the build.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {name} could not be read.");
    }
}
