using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>One-run sensitivity: for each uncertain input and each chosen metric, rank correlation and decile swing, from a run table.</summary>
public static class TornadoAnalysis
{
    /// <summary>Analyses <paramref name="table"/>; results sorted by metric, then by |swing| descending.</summary>
    public static IReadOnlyList<InputSensitivity> Analyze(RunTable table, IReadOnlyList<Metric> metrics)
    {
        var results = new List<InputSensitivity>();
        int inputs = table.InputNames.Count;
        foreach (var metric in metrics)
        {
            int metricColumn = inputs + (int)metric;
            var perMetric = new List<InputSensitivity>();
            for (int input = 0; input < inputs; input++)
            {
                var x = new List<double>();
                var y = new List<double>();
                for (long run = 0; run < table.Runs; run++)
                {
                    var row = table.Row(run);
                    if (!double.IsNaN(row[metricColumn]))
                    {
                        x.Add(row[input]);
                        y.Add(row[metricColumn]);
                    }
                }
                perMetric.Add(Analyze(table.InputNames[input], metric, [.. x], [.. y]));
            }
            perMetric.Sort((a, b) => Math.Abs(b.Swing).CompareTo(Math.Abs(a.Swing)));
            results.AddRange(perMetric);
        }
        return results;
    }

    /// <summary>The sensitivity of outputs <paramref name="y"/> to inputs <paramref name="x"/>, paired by index.</summary>
    public static InputSensitivity Analyze(string input, Metric metric, double[] x, double[] y)
    {
        int n = x.Length;
        if (n < 10)
        {
            return new InputSensitivity(input, metric, double.NaN, double.NaN, double.NaN, n);
        }
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var keys = (double[])x.Clone();
        // Stable order for ties (discrete inputs): by input, then by run.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        int decile = n / 10;
        double low = 0, high = 0;
        for (int i = 0; i < decile; i++)
        {
            low += y[order[i]];
            high += y[order[n - 1 - i]];
        }
        return new InputSensitivity(input, metric, RankCorrelation.Spearman(x, y), low / decile, high / decile, n);
    }
}
