using Simulation.Core.Catalogue;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Discovery;

/// <summary>Scenario discovery on a table of runs: which inputs' ranges concentrate the runs meeting a condition.</summary>
public static class ScenarioDiscovery
{
    /// <summary>
    /// PRIM's points from <paramref name="table"/>: every recorded input that varies (constant columns cannot be
    /// restricted), hits where <paramref name="condition"/> holds.
    /// </summary>
    public static PrimData Points(RunTable table, OutcomeCondition condition)
    {
        int runs = checked((int)table.Runs);
        var hits = new bool[runs];
        int inputs = table.InputNames.Count;
        for (int r = 0; r < runs; r++)
        {
            hits[r] = condition.Holds(table.Row(r).Slice(inputs, OutputCatalogue.MetricCount));
        }
        var names = new List<string>();
        var columns = new List<double[]>();
        for (int c = 0; c < inputs; c++)
        {
            var column = new double[runs];
            bool varies = false;
            for (int r = 0; r < runs; r++)
            {
                column[r] = table.Row(r)[c];
                varies |= column[r] != column[0];
            }
            if (varies)
            {
                names.Add(table.InputNames[c]);
                columns.Add(column);
            }
        }
        return new PrimData(names, [.. columns], hits);
    }

    /// <summary>
    /// PRIM on <paramref name="data"/>, showing step <paramref name="step"/> of the trajectory (null: the balanced one),
    /// with quasi-p-values and reproducibility over <paramref name="resamples"/> random halves drawn from <paramref name="seed"/>.
    /// </summary>
    public static DiscoveryResult Analyse(PrimData data, OutcomeCondition condition, PrimOptions options, int? step, long seed, int resamples = 10) =>
        Analyse(data, condition.ToString(), options, Prim.Run(data, options), step, seed, resamples);

    /// <summary>
    /// As <see cref="Analyse(PrimData, OutcomeCondition, PrimOptions, int?, long, int)"/>, on a trajectory PRIM already
    /// made, for hits described by <paramref name="question"/> ("remittances_usd &gt; 1e9", "the policy fails").
    /// </summary>
    public static DiscoveryResult Analyse(PrimData data, string question, PrimOptions options, PrimTrajectory trajectory, int? step, long seed, int resamples = 10)
    {
        int chosen = step ?? trajectory.Balanced;
        if (chosen < 0 || chosen >= trajectory.Steps.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"the trajectory has steps 0 to {trajectory.Steps.Count - 1}");
        }
        return new DiscoveryResult(question, data, options, trajectory, chosen,
            Prim.QuasiPValues(data, trajectory, chosen), PrimResampling.Reproducibility(data, trajectory, chosen, seed, resamples, options));
    }
}
