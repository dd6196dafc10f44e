using ScottPlot;

namespace Simulation.Plotting;

/// <summary>A scatter matrix in one plot: cell (row, column) plots input row against input column, each over its range among the points.</summary>
internal static class PairsMatrix
{
    private const double Cell = 0.86;

    /// <summary>
    /// Draws <paramref name="points"/> points of <paramref name="diagonal"/>.Count inputs; <paramref name="value"/>(p, a)
    /// is point p's value of input a, and the diagonal cells carry the inputs' names.
    /// </summary>
    public static void Draw(Plot plot, IReadOnlyList<string> diagonal, int points, Func<int, int, double> value, string axisNote)
    {
        int k = diagonal.Count;
        var lows = new double[k];
        var spans = new double[k];
        for (int a = 0; a < k; a++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int p = 0; p < points; p++)
            {
                min = Math.Min(min, value(p, a));
                max = Math.Max(max, value(p, a));
            }
            lows[a] = min;
            spans[a] = Math.Max(max - min, 1e-300);
        }
        for (int row = 0; row < k; row++)
        {
            for (int col = 0; col < k; col++)
            {
                double x0 = col, y0 = k - 1 - row;
                var frame = plot.Add.Rectangle(x0, x0 + Cell, y0, y0 + Cell);
                frame.FillColor = Colors.Transparent;
                frame.LineColor = PlotStyle.Muted.WithAlpha(0.5);
                frame.LineWidth = 1;
                if (row == col)
                {
                    var name = plot.Add.Text(diagonal[row], x0 + Cell / 2, y0 + Cell / 2);
                    name.LabelFontSize = 10;
                    name.LabelAlignment = Alignment.MiddleCenter;
                    continue;
                }
                var xs = new double[points];
                var ys = new double[points];
                for (int p = 0; p < points; p++)
                {
                    xs[p] = x0 + Cell * (value(p, col) - lows[col]) / spans[col];
                    ys[p] = y0 + Cell * (value(p, row) - lows[row]) / spans[row];
                }
                var scatter = plot.Add.ScatterPoints(xs, ys);
                scatter.Color = PlotStyle.Main.WithAlpha(0.35);
                scatter.MarkerSize = 3;
            }
        }
        plot.Axes.SetLimits(-0.08, k + 0.02, -0.08, k + 0.02);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Grid.IsVisible = false;
        plot.XLabel(axisNote, 13);
    }
}
