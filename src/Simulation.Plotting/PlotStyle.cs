using System.Globalization;
using ScottPlot;
using Simulation.Core.Catalogue;

namespace Simulation.Plotting;

/// <summary>One look for every chart: embedded font, sizes, colours, number formats.</summary>
public static partial class PlotStyle
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
    public static string ToSvg(Plot plot) => NumberClipPaths(SvgText(plot, Width, Height));

    /// <summary>
    /// The SVG text ScottPlot's <c>GetSvgXml</c> writes, without its hidden raster. <c>GetSvgXml</c> first draws the
    /// whole chart into a bitmap of the same size, only so that auto-scaled axis limits settle before the one pass that
    /// goes into the SVG (a pass whose limits change is drawn again, and would be drawn twice into the SVG). Layout
    /// needs text measurements, not pixels, so a canvas that draws nothing settles the limits the same way; the bitmap
    /// (clearing and anti-aliasing 1,000 x 600 pixels) was most of an SVG's cost (benchmarks/README.md, "Speed III").
    /// </summary>
    internal static string SvgText(Plot plot, int width, int height)
    {
        using (var settle = new SkiaSharp.SKNoDrawCanvas(width, height))
        {
            plot.Render(settle, width, height);
        }
        using var stream = new MemoryStream();
        bool clears = plot.RenderManager.ClearCanvasBeforeEachRender;
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        try
        {
            // The canvas writes its closing tag only when disposed, so it is disposed before the stream is read.
            using var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, width, height), stream);
            plot.Render(canvas, width, height);
        }
        finally
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = clears;
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Skia names an SVG's clip paths from a counter shared by the whole process, so the same chart got other ids
    /// depending on what was drawn before it (and, drawn in parallel, on thread timing). Renumbered in order of first
    /// appearance, each SVG's text depends on its chart alone; every SVG is its own image, so ids never meet.
    /// </summary>
    internal static string NumberClipPaths(string svg)
    {
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipPathId().Replace(svg, match =>
        {
            if (!numbers.TryGetValue(match.Value, out string? renamed))
            {
                renamed = "cl_" + numbers.Count.ToString(CultureInfo.InvariantCulture);
                numbers.Add(match.Value, renamed);
            }
            return renamed;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipPathId();

    /// <summary>Width of the phone version of a chart: drawn narrower, so its text stays legible when a phone shrinks it to the screen.</summary>
    public const int NarrowWidth = 440;

    /// <summary>Height of the phone version of a chart.</summary>
    public const int NarrowHeight = 460;

    /// <summary>
    /// The plot's title without the scenario's name after its last ": " (which the page's heading already gives), for
    /// the phone's drawing and for the line naming a chart not drawn.
    /// </summary>
    public static string TitleWithoutScenario(Plot plot)
    {
        string title = plot.Axes.Title.Label.Text;
        int colon = title.LastIndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? title[..colon] : title;
    }

    /// <summary>
    /// The plot as SVG text for narrow screens: the same chart drawn on a smaller canvas with the same font sizes (so on a
    /// 390-pixel phone its text is about 80% of its size, not 35%), and the title without the scenario's name, which the
    /// page's heading already gives.
    /// </summary>
    public static string ToNarrowSvg(Plot plot)
    {
        string title = plot.Axes.Title.Label.Text;
        plot.Axes.Title.Label.FontSize = 17;
        // Long titles and axis labels wrap on the narrow canvas instead of running off its edges (measured: about 9 px
        // per character at these sizes, so 44 characters fill the 440 px width).
        plot.Axes.Title.Label.Text = LabelWrap.Lines(TitleWithoutScenario(plot), ' ', 40);
        string bottom = plot.Axes.Bottom.Label.Text, left = plot.Axes.Left.Label.Text;
        plot.Axes.Bottom.Label.Text = LabelWrap.Lines(bottom, ' ', 48);
        plot.Axes.Left.Label.Text = LabelWrap.Lines(left, ' ', 44);
        string svg = NumberClipPaths(SvgText(plot, NarrowWidth, NarrowHeight));
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = 20;
        plot.Axes.Bottom.Label.Text = bottom;
        plot.Axes.Left.Label.Text = left;
        return svg;
    }

    /// <summary>
    /// Saves a plot as PNG at the house size: drawn as ScottPlot's SavePng draws it (RGBA, premultiplied), encoded with
    /// the Sub filter and zlib level 3 instead of every filter at level 6. The pixels are the same; the files are about a
    /// third larger and a run's charts take a third of the time (benchmarks/README.md, "Charts").
    /// </summary>
    internal static void Save(Plot plot, string folder, string file)
    {
        var info = new SkiaSharp.SKImageInfo(Width, Height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Premul);
        using var surface = SkiaSharp.SKSurface.Create(info) ?? throw new InvalidOperationException($"could not make a {Width} x {Height} drawing surface");
        plot.Render(surface.Canvas, Width, Height);
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(PngOptions) ?? throw new InvalidOperationException($"could not encode {file} as PNG");
        using var stream = File.Create(Path.Combine(folder, file));
        png.SaveTo(stream);
    }

    // Measured on a run's 13 charts (OutputBenchmarks.Plots, drawing included): SkiaSharp's default (all filters,
    // level 6) 152 ms and 620 KB; Sub at level 6 87 ms and 715 KB; Sub at level 3 50 ms and 820 KB.
    private static readonly SkiaSharp.SKPngEncoderOptions PngOptions = new(SkiaSharp.SKPngEncoderFilterFlags.Sub, 3);

    /// <summary>The x positions of a result's months: month indices 0 .. T-1, labelled by <see cref="CalendarAxis"/>.</summary>
    internal static double[] MonthAxis(Simulation.Core.Calendar.YearMonth start, int months)
    {
        var xs = new double[months];
        for (int t = 0; t < months; t++)
        {
            xs[t] = t;
        }
        return xs;
    }

    /// <summary>
    /// Labels the bottom axis with calendar months (YYYY-MM, or years for long horizons) at a step that keeps at most
    /// eight labels, aligned on quarters and years; a horizon of one month is one labelled month, never hours.
    /// </summary>
    internal static void CalendarAxis(Plot plot, Simulation.Core.Calendar.YearMonth start, int months)
    {
        int[] steps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];
        int step = steps[^1];
        foreach (int candidate in steps)
        {
            if (months / candidate <= 7)
            {
                step = candidate;
                break;
            }
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int count = 0;
        for (int t = 0; t < months; t++)
        {
            var month = start.AddMonths(t);
            bool aligned = step >= 12 ? month.Month == 1 && month.Year % (step / 12) == 0 : (month.Month - 1) % step == 0;
            if (aligned)
            {
                ticks.AddMajor(t, step >= 12 ? month.Year.ToString(CultureInfo.InvariantCulture) : month.ToString());
                count++;
            }
        }
        if (count < 2)
        {
            // Too short to reach an aligned month twice: label the first and last months themselves.
            ticks = new ScottPlot.TickGenerators.NumericManual();
            ticks.AddMajor(0, start.ToString());
            if (months > 1)
            {
                ticks.AddMajor(months - 1, start.AddMonths(months - 1).ToString());
            }
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.5, Math.Max(months - 0.5, 0.5));
    }

    /// <summary>
    /// A y axis from 0 for quantities that cannot be negative; when every value is 0 the axis spans 0 to 1 with one
    /// tick at 0 (no "-$1" or "0.20 workers") and a note says so.
    /// </summary>
    internal static void NonNegativeY(Plot plot, double largest, OutputKind kind)
    {
        if (largest > 0)
        {
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsY(0, Math.Max(limits.Top, largest));
            return;
        }
        plot.Axes.SetLimitsY(0, 1);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        ticks.AddMajor(0, NumberText.Tick(0, kind));
        plot.Axes.Left.TickGenerator = ticks;
        plot.Add.Annotation("0 in every run and month", Alignment.UpperCenter);
        OnlyZero.AddOrUpdate(plot, Marker);
    }

    // Plots whose data are 0 in every run and month: a report says so in a line instead of a full-size empty chart.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, object> OnlyZero = [];
    private static readonly object Marker = new();

    /// <summary>True when <paramref name="plot"/> shows nothing but 0 in every run and month (its value axis has only 0).</summary>
    public static bool ShowsOnlyZero(Plot plot) => OnlyZero.TryGetValue(plot, out _);

    /// <summary>A fan over <paramref name="xs"/>: the bands holding 90% and 50% of runs and the median line, which is returned.</summary>
    internal static ScottPlot.Plottables.Scatter Fan(Plot plot, double[] xs, FanChartData data, string innerLabel = "50% of runs (p25-p75)")
    {
        var outer = plot.Add.FillY(xs, data.P5, data.P95);
        outer.FillColor = Main.WithAlpha(0.18);
        outer.LineWidth = 0;
        outer.LegendText = Visible(data.P5, data.P95, data.P95) ? "90% of runs (p5-p95)" : "";
        var inner = plot.Add.FillY(xs, data.P25, data.P75);
        inner.FillColor = Main.WithAlpha(0.38);
        inner.LineWidth = 0;
        inner.LegendText = Visible(data.P25, data.P75, data.P95) ? innerLabel : "";
        var median = plot.Add.ScatterLine(xs, data.Median);
        median.Color = Main;
        median.LineWidth = 2.5f;
        median.LegendText = "median";
        return median;
    }

    /// <summary>
    /// True when the band from <paramref name="low"/> to <paramref name="high"/> is wide enough to see somewhere: at
    /// least 0.5% of the axis (taken as the largest of <paramref name="scale"/>) in some month. A legend names only
    /// what a reader can find on the chart.
    /// </summary>
    internal static bool Visible(double[] low, double[] high, double[] scale)
    {
        double top = 0;
        foreach (double x in scale)
        {
            top = Math.Max(top, Math.Abs(x));
        }
        for (int i = 0; i < low.Length; i++)
        {
            if (high[i] - low[i] > 0.005 * top)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A probability curve <paramref name="p"/> over <paramref name="xs"/> with its 95% Monte Carlo band (1.96 standard
    /// errors <paramref name="se"/>, clipped to [0, 1]); the line is returned for styling.
    /// </summary>
    internal static ScottPlot.Plottables.Scatter ProbabilityWithBand(Plot plot, double[] xs, double[] p, double[] se, string label)
    {
        double[] low = new double[p.Length];
        double[] high = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            low[i] = Math.Max(0, p[i] - 1.96 * se[i]);
            high[i] = Math.Min(1, p[i] + 1.96 * se[i]);
        }
        var band = plot.Add.FillY(xs, low, high);
        band.FillColor = Main.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = Visible(low, high, [1.0]) ? "95% confidence (Monte Carlo)" : "";
        var line = plot.Add.ScatterLine(xs, p);
        line.Color = Main;
        line.LineWidth = 2.5f;
        line.LegendText = label;
        return line;
    }

    /// <summary>
    /// A dashed line where <paramref name="scenario"/>'s forecast begins (<c>forecast_from</c>) on a chart of its months,
    /// so that a reader sees which months are the record the runs pass through and which are forecast; nothing without one.
    /// </summary>
    internal static void ForecastLine(Plot plot, Simulation.Core.Model.Scenario scenario)
    {
        if (scenario.MetricsStart.Equals(scenario.Start))
        {
            return;
        }
        var line = plot.Add.VerticalLine(scenario.MetricsStart.MonthsSince(scenario.Start) - 0.5);
        line.Color = Muted;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"forecast from {scenario.MetricsStart}";
    }

    /// <summary>The legend below the chart, outside the data, so that it never hides a band or a line.</summary>
    internal static void LegendBelow(Plot plot) => plot.ShowLegend(Edge.Bottom);

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
        plot.Legend.FontSize = 13;
        plot.Grid.MajorLineColor = Color.FromHex("#e5e5e5");
        // Room right of the data for half of the last tick label, which would otherwise be cut at the figure's edge.
        plot.Axes.Right.MinimumSize = 28;
        return plot;
    }

    /// <summary>Tick labels of the left axis for values of <paramref name="kind"/> (<see cref="NumberText.Tick"/>).</summary>
    internal static void FormatLeftAxis(Plot plot, OutputKind kind)
    {
        var axis = plot.Axes.Left;
        // Labelled when drawn, after the limits are set: one money unit for the whole axis, that of its largest end.
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => NumberText.Tick(v, kind, Math.Max(Math.Abs(axis.Min), Math.Abs(axis.Max))) };
    }

    /// <summary>Tick labels of the bottom axis for values of <paramref name="kind"/>.</summary>
    internal static void FormatBottomAxis(Plot plot, OutputKind kind)
    {
        var axis = plot.Axes.Bottom;
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => NumberText.Tick(v, kind, Math.Max(Math.Abs(axis.Min), Math.Abs(axis.Max))) };
    }
}
