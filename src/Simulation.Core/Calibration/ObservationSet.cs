using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Calibration;

/// <summary>
/// Observations compiled against a scenario: which series and months each one reads, and the distance
/// d = sqrt(mean r²) of a run's values to them (docs/calibration.md).
/// </summary>
public sealed class ObservationSet
{
    /// <summary>Compiles <paramref name="observations"/> for <paramref name="scenario"/>; throws on a series it does not report or a period outside it.</summary>
    public ObservationSet(CompiledScenario scenario, IReadOnlyList<Observation> observations)
    {
        if (observations.Count == 0)
        {
            throw new ArgumentException("no observations", nameof(observations));
        }
        Observations = observations;
        int n = observations.Count;
        var seriesIndex = new int[n];
        var firstMonth = new int[n];
        var lastMonth = new int[n];
        var isLevel = new bool[n];
        var start = scenario.Scenario.Start;
        for (int i = 0; i < n; i++)
        {
            var o = observations[i];
            int series = -1;
            for (int s = 0; s < scenario.Series.Count; s++)
            {
                if (scenario.Series[s].Name == o.Series)
                {
                    series = s;
                }
            }
            if (series < 0 || !IsObservable(scenario.Series[series]))
            {
                throw new ArgumentException($"scenario {scenario.Scenario.Name} reports no observable series '{o.Series}'", nameof(observations));
            }
            firstMonth[i] = o.First.MonthsSince(start);
            lastMonth[i] = o.Last.MonthsSince(start);
            if (firstMonth[i] < 0 || lastMonth[i] >= scenario.Months || lastMonth[i] < firstMonth[i])
            {
                throw new ArgumentException($"period {o.Period} is outside scenario {scenario.Scenario.Name}'s months", nameof(observations));
            }
            seriesIndex[i] = series;
            isLevel[i] = IsLevelSeries(scenario.Series[series]);
        }
        Windows = new SeriesWindows(seriesIndex, firstMonth, lastMonth, isLevel);
    }

    /// <summary>Each observation's window of the model's series, in observation order.</summary>
    public SeriesWindows Windows { get; }

    /// <summary>The observations, in file order.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>Number of observations.</summary>
    public int Count => Observations.Count;

    /// <summary>True for a series read at the end of a period (stocks and cumulative sums); flows are summed over it.</summary>
    public static bool IsLevelSeries(OutputDefinition series) =>
        series.Kind == OutputKind.Stock || series.IsBalance || series.Name.StartsWith("cumulative_", StringComparison.Ordinal);

    /// <summary>False for the probability series (enforced, postwar), which describe many runs, not one.</summary>
    public static bool IsObservable(OutputDefinition series) => series.Kind != OutputKind.ZeroOne;

    /// <summary>sqrt(mean over observations of r²) for the model values <paramref name="modelValues"/> (one per observation).</summary>
    public double Distance(ReadOnlySpan<double> modelValues)
    {
        double sum = 0;
        for (int i = 0; i < modelValues.Length; i++)
        {
            double r = Observations[i].Residual(modelValues[i]);
            sum += r * r;
        }
        return Math.Sqrt(sum / modelValues.Length);
    }

    /// <summary>A sink that collects one run's value of every observation into <paramref name="values"/>.</summary>
    public SeriesWindowSink Sink(double[] values) => Windows.Sink(values);
}
