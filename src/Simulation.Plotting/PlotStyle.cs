using System.Globalization;
using ScottPlot;

namespace Simulation.Plotting;

/// <summary>One look for every chart: embedded font, sizes, colours, number formats.</summary>
public static class PlotStyle
{
    private static readonly object Gate = new();
    private static bool s_fontsReady;

    /// <summary>Image size in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Image size in pixels.</summary>
    public const int Height = 600;

    internal static Color Main => Color.FromHex("#1f5a96");
    internal static Color Accent => Color.FromHex("#c0392b");
    internal static Color Muted => Color.FromHex("#555555");

    /// <summary>Colours for several scenarios on one chart (colour-blind safe, Okabe-Ito).</summary>
    internal static Color Series(int index) => Palette[index % Palette.Length];

    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    /// <summary>The plot as SVG text at the house size, for reports.</summary>
    public static string ToSvg(Plot plot) => plot.GetSvgXml(Width, Height);

    /// <summary>Saves a plot as PNG at the house size.</summary>
    internal static void Save(Plot plot, string folder, string file) => plot.SavePng(Path.Combine(folder, file), Width, Height);

    /// <summary>Calendar months of a result as OLE dates for a DateTime axis.</summary>
    internal static double[] MonthAxis(Simulation.Core.Calendar.YearMonth start, int months)
    {
        var xs = new double[months];
        for (int t = 0; t < months; t++)
        {
            xs[t] = start.AddMonths(t).ToDateTime().ToOADate();
        }
        return xs;
    }

    /// <summary>Installs the embedded font once per process.</summary>
    internal static void EnsureFonts()
    {
        lock (Gate)
        {
            if (s_fontsReady)
            {
                return;
            }
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            Fonts.Default = EmbeddedFontResolver.FamilyName;
            s_fontsReady = true;
        }
    }

    /// <summary>A new plot with the house style.</summary>
    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        EnsureFonts();
        var plot = new Plot();
        plot.Font.Set(EmbeddedFontResolver.FamilyName);
        plot.Title(title, 20);
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        return plot;
    }

    /// <summary>"12,345" for counts; "$1.2B", "$340M", "$12,000" for money.</summary>
    public static string FormatValue(double value, bool money)
    {
        if (!money)
        {
            return value.ToString(Math.Abs(value) < 10 && value != Math.Floor(value) ? "N2" : "N0", CultureInfo.InvariantCulture);
        }
        double magnitude = Math.Abs(value);
        string sign = value < 0 ? "-" : "";
        return magnitude >= 1e9 ? sign + "$" + (magnitude / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B"
            : magnitude >= 1e6 ? sign + "$" + (magnitude / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M"
            : sign + "$" + magnitude.ToString("N0", CultureInfo.InvariantCulture);
    }

    internal static void FormatLeftAxis(Plot plot, bool money, bool probability = false)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = probability ? v => v.ToString("P0", CultureInfo.InvariantCulture) : v => FormatValue(v, money),
        };
    }

    internal static void FormatBottomAxis(Plot plot, bool money)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => FormatValue(v, money) };
    }
}
