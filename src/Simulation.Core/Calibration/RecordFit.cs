using Simulation.Core.Model;

namespace Simulation.Core.Calibration;

/// <summary>
/// A scenario's runs against the record: each observation's model value in every run (a stock at the end of its
/// period, a flow summed over it), and where the observation falls among them. Calibration checks its posterior
/// predictive with it; <c>run</c> draws the record a scenario cites (<c>observed:</c>) on its charts.
/// </summary>
public static class RecordFit
{
    /// <summary>The fit of every observation of <paramref name="observations"/> over runs 0 .. runs - 1 of <paramref name="scenario"/>.</summary>
    public static IReadOnlyList<ObservationFit> Of(Scenario scenario, IReadOnlyList<Observation> observations, int runs, int threads, CancellationToken cancellation)
    {
        var set = new ObservationSet(CompiledScenario.Of(scenario), observations);
        return Fits(observations, Predict(scenario, set, runs, threads, cancellation));
    }

    /// <summary>The fit of every observation of <paramref name="observations"/> to its model values <paramref name="predictive"/> (one array per observation).</summary>
    public static IReadOnlyList<ObservationFit> Fits(IReadOnlyList<Observation> observations, IReadOnlyList<double[]> predictive) =>
        [.. observations.Select((o, i) => Fit(o, predictive[i]))];

    /// <summary>
    /// The windows of <paramref name="scenario"/>'s series that <paramref name="observations"/> observe, for a Monte Carlo
    /// run to keep its values of the record from its one pass (<see cref="MonteCarlo.RunnerOptions.Record"/>).
    /// </summary>
    public static MonteCarlo.SeriesWindows Windows(Scenario scenario, IReadOnlyList<Observation> observations) =>
        new ObservationSet(CompiledScenario.Of(scenario), observations).Windows;

    /// <summary>Each observation's model value in runs 0 .. runs - 1 of <paramref name="calibrated"/> (the runs its fan charts summarise).</summary>
    public static double[][] Predict(Scenario calibrated, ObservationSet set, int runs, int threads, CancellationToken cancellation)
    {
        var compiled = CompiledScenario.Of(calibrated);
        var predictive = new double[set.Count][];
        for (int i = 0; i < set.Count; i++)
        {
            predictive[i] = new double[runs];
        }
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, worker =>
        {
            var inputs = new double[compiled.Parameters.Length];
            var values = new double[set.Count];
            for (long run = worker; run < runs; run += threads)
            {
                LaborMigrationModel.SampleInputs(compiled, run, inputs);
                var sink = set.Sink(values);
                LaborMigrationModel.Simulate(compiled, run, inputs, ref sink);
                for (int i = 0; i < set.Count; i++)
                {
                    predictive[i][run] = values[i];
                }
            }
        });
        return predictive;
    }

    /// <summary>
    /// Where <paramref name="observation"/> falls among its model values <paramref name="predictive"/>: their 5th to 95th
    /// percentiles, the share below the observed value (ties counted half), and for a bound the share meeting it.
    /// </summary>
    public static ObservationFit Fit(Observation observation, double[] predictive)
    {
        var sorted = (double[])predictive.Clone();
        Array.Sort(sorted);
        double z = observation.Value;
        int below = 0, ties = 0;
        foreach (double y in sorted)
        {
            below += y < z ? 1 : 0;
            ties += y == z ? 1 : 0;
        }
        double shareBelow = (below + 0.5 * ties) / sorted.Length;
        double meeting = observation.ErrorKind switch
        {
            ObservationErrorKind.Upper => (below + ties) / (double)sorted.Length,
            ObservationErrorKind.Lower => 1 - below / (double)sorted.Length,
            _ => double.NaN,
        };
        return new ObservationFit(observation, Percentile(sorted, 0.05), Percentile(sorted, 0.25), Percentile(sorted, 0.5), Percentile(sorted, 0.75),
            Percentile(sorted, 0.95), shareBelow, meeting);
    }

    /// <summary>Nearest-rank percentile of sorted values, as the run summaries define it.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
