using Simulation.Core.Model;

namespace Simulation.Core.Calibration;

/// <summary>
/// Checks that a calibration's posterior intervals mean what they say: records are simulated from inputs drawn from
/// the priors (one model run each, observed at the periods of a template record), each is calibrated, and the 90%
/// posterior interval of every input is checked against the input that made the record. Calibrated intervals cover
/// in about 90% of cases; far more means the posterior is too wide, far fewer that it is overconfident.
/// </summary>
public static class CoverageStudy
{
    /// <summary>How many of <paramref name="records"/> records each uncertain input's 90% posterior interval covers.</summary>
    public static int[] Run(Scenario scenario, IReadOnlyList<Observation> template, int records, AbcOptions options, long firstSeed)
    {
        var compiled = CompiledScenario.Of(scenario);
        int[] uncertain = compiled.UncertainParameterIndices;
        var covered = new int[uncertain.Length];
        for (int k = 0; k < records; k++)
        {
            long seed = firstSeed + k;
            var (truth, record) = SyntheticRecord(compiled, template, seed);
            var result = ModelCalibration.Run(scenario, record, options with { Seed = seed }, predictiveRuns: 20);
            for (int j = 0; j < uncertain.Length; j++)
            {
                var column = result.Abc.Column(j);
                double low = WeightedStatistics.Quantile(column, result.Abc.Weights, 0.05);
                double high = WeightedStatistics.Quantile(column, result.Abc.Weights, 0.95);
                double value = truth[uncertain[j]];
                covered[j] += value >= low && value <= high ? 1 : 0;
            }
        }
        return covered;
    }

    /// <summary>
    /// Inputs drawn from the priors (run 0 of <paramref name="seed"/>) and the record one model run makes of them at the
    /// template's series and periods. A zero where the template's error is a share of the value becomes a Poisson count.
    /// </summary>
    public static (double[] Inputs, List<Observation> Record) SyntheticRecord(CompiledScenario scenario, IReadOnlyList<Observation> template, long seed)
    {
        var inputs = new double[scenario.Parameters.Length];
        LaborMigrationModel.SampleInputs(scenario, seed, 0, inputs);
        var set = new ObservationSet(scenario, template);
        var values = new double[template.Count];
        var sink = set.Sink(values);
        LaborMigrationModel.Simulate(scenario, seed, 0, inputs, ref sink);
        var record = new List<Observation>(template.Count);
        for (int i = 0; i < template.Count; i++)
        {
            var o = template[i];
            record.Add(values[i] > 0 || o.ErrorKind is ObservationErrorKind.LogNormal or ObservationErrorKind.Poisson
                ? o with { Value = values[i] }
                : o with { Value = 0, ErrorKind = ObservationErrorKind.Poisson, Error = 0 });
        }
        return (inputs, record);
    }
}
