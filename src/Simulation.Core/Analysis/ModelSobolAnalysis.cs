using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Analysis;

/// <summary>
/// Sobol indices of the model's metrics with respect to each uncertain input, the "no ceasefire at all" draw, and the
/// model's own randomness (arrivals, returns, enforcement, exchange rate) treated as one more factor, "(model noise)", as is usual for
/// stochastic simulators (Marrel, Iooss, Da Veiga and Ribatet, Statistics and Computing 22, 2012). Row j of
/// matrix A takes the noise streams of run j, matrix B those of run N + j. By default (as SALib does) the inputs of
/// A and B are quasi-random: point j of an Owen-scrambled Sobol' sequence in 2d dimensions, the first d for A and the
/// last d for B, mapped through each input's inverse distribution function; otherwise they are run j's and run
/// N + j's own draws. Either way every number is a function of (seed, row) only.
/// </summary>
public static class ModelSobolAnalysis
{
    /// <summary>The factor name of the model's internal randomness.</summary>
    public const string NoiseFactor = "(model noise)";

    /// <summary>
    /// Independently scrambled blocks of the quasi-random design, whose spread gives the intervals: 8 leaves 7 degrees
    /// of freedom (t = 2.36) and blocks of 512 points at the default 4,096 samples.
    /// </summary>
    public const int QuasiRandomReplicates = 8;

    /// <summary>Indices of each metric in <paramref name="metrics"/> (none may be censored); N (d + 3) model runs, d the factors but the noise.</summary>
    public static IReadOnlyList<(Metric Metric, SobolIndices Indices)> Run(Scenario scenario, IReadOnlyList<Metric> metrics, int baseSamples,
        int bootstrapSamples, int threads, CancellationToken cancellation = default, Action<RunProgress>? progress = null, bool quasiRandom = true)
    {
        foreach (var metric in metrics)
        {
            if (OutputCatalogue.Of(metric).Censored)
            {
                throw new ArgumentException($"{OutputCatalogue.Of(metric).Name} is absent in some runs; Sobol indices need a value in every run.");
            }
        }
        var compiled = CompiledScenario.Of(scenario);
        int[] uncertain = compiled.UncertainParameterIndices;
        // A design over the inputs' uniform numbers (any correlations still apply through the scenario's copula).
        var design = quasiRandom && QuasiRandomPossible(scenario)
            ? new InputSampler(Sampling.SamplingMethod.MonteCarlo, baseSamples, compiled.Parameters, uncertain, compiled.StreamPurposes, compiled.Sampler?.Copula)
            : null;
        // The "no ceasefire at all" draw is a factor of its own, as the tornado ranks it, not part of the noise: each
        // row's draw (from its run's ceasefire stream) is written into the probability's slot as 1 or 0, which the
        // model's draw then reproduces whatever streams it is given. Where the probability is itself uncertain, that
        // input's factor carries the probability and the draw together.
        int neverSlot = ParameterCatalogue.CeasefireNever.Index;
        bool neverDrawn = DrawsNoCeasefire(compiled);
        var (swapped, names) = Factors(compiled);
        int factors = names.Length;

        int metricCount = metrics.Count;
        var fA = NewMatrix(metricCount, baseSamples);
        var fB = NewMatrix(metricCount, baseSamples);
        var fAB = new double[metricCount][][];
        for (int m = 0; m < metricCount; m++)
        {
            fAB[m] = NewMatrix(factors, baseSamples);
        }
        int parameterCount = compiled.Parameters.Length;
        var buffers = new double[threads][];
        long seed = scenario.Seed;
        long done = 0;
        long total = (long)baseSamples * (factors + 2);
        const int rowsPerBlock = 64;
        long blocks = (baseSamples + rowsPerBlock - 1) / rowsPerBlock;

        BlockScheduler.RunAll(0, blocks, threads, cancellation, (worker, block) =>
        {
            var buffer = buffers[worker] ??= new double[3 * parameterCount];
            var a = buffer.AsSpan(0, parameterCount);
            var b = buffer.AsSpan(parameterCount, parameterCount);
            var mixed = buffer.AsSpan(2 * parameterCount, parameterCount);
            int first = (int)(block * rowsPerBlock);
            int end = Math.Min(first + rowsPerBlock, baseSamples);
            for (int row = first; row < end; row++)
            {
                long runA = row;
                long runB = baseSamples + (long)row;
                if (design is null)
                {
                    LaborMigrationModel.SampleInputs(compiled, seed, runA, a);
                    LaborMigrationModel.SampleInputs(compiled, seed, runB, b);
                }
                else
                {
                    // Row j belongs to block j / (N / R), scrambled with its own key, as its point j mod (N / R).
                    int size = baseSamples / QuasiRandomReplicates;
                    ulong key = SobolEstimator.ReplicateKey(seed, row / size);
                    QuasiRandomRow(compiled, design, key, seed, row % size, runA, 0, a);
                    QuasiRandomRow(compiled, design, key, seed, row % size, runB, uncertain.Length, b);
                }
                if (neverDrawn)
                {
                    a[neverSlot] = LaborMigrationModel.NoCeasefire(seed, runA, a) ? 1 : 0;
                    b[neverSlot] = LaborMigrationModel.NoCeasefire(seed, runB, b) ? 1 : 0;
                }
                Store(fA, row, Evaluate(compiled, seed, runA, a), metrics);
                Store(fB, row, Evaluate(compiled, seed, runB, b), metrics);
                for (int i = 0; i < swapped.Length; i++)
                {
                    a.CopyTo(mixed);
                    mixed[swapped[i]] = b[swapped[i]];
                    StoreFactor(fAB, i, row, Evaluate(compiled, seed, runA, mixed), metrics);
                }
                // The noise factor from B: A's inputs with B's random streams.
                StoreFactor(fAB, factors - 1, row, Evaluate(compiled, seed, runB, a), metrics);
            }
            long now = Interlocked.Add(ref done, (long)(end - first) * (factors + 2));
            progress?.Invoke(new RunProgress(now, total, null));
        });

        var results = new List<(Metric, SobolIndices)>();
        for (int m = 0; m < metricCount; m++)
        {
            results.Add((metrics[m], design is null
                ? SobolEstimator.Estimate(names, fA[m], fB[m], fAB[m], bootstrapSamples, seed)
                : SobolEstimator.EstimateReplicated(names, fA[m], fB[m], fAB[m], QuasiRandomReplicates)));
        }
        return results;
    }

    /// <summary>True when "no ceasefire at all" is a chance, not a certainty either way (its probability is not fixed at 0 or 1).</summary>
    private static bool DrawsNoCeasefire(CompiledScenario compiled)
    {
        var never = compiled.Parameters[ParameterCatalogue.CeasefireNever.Index];
        return !(never.IsFixed && (never.Mean <= 0 || never.Mean >= 1));
    }

    /// <summary>
    /// The factor names of a Sobol analysis of <paramref name="scenario"/>, in order: its uncertain inputs, the "no
    /// ceasefire at all" draw where a run can make it, the model's noise.
    /// </summary>
    public static IReadOnlyList<string> FactorNames(Scenario scenario) => Factors(CompiledScenario.Of(scenario)).Names;

    // The parameter slots a factor swaps between A and B (all factors but the noise), and every factor's name.
    private static (int[] Slots, string[] Names) Factors(CompiledScenario compiled)
    {
        int[] uncertain = compiled.UncertainParameterIndices;
        int neverSlot = ParameterCatalogue.CeasefireNever.Index;
        int[] slots = DrawsNoCeasefire(compiled) && Array.IndexOf(uncertain, neverSlot) < 0 ? [.. uncertain, neverSlot] : uncertain;
        var names = new string[slots.Length + 1];
        for (int i = 0; i < slots.Length; i++)
        {
            names[i] = compiled.ParameterNames[slots[i]];
        }
        names[^1] = NoiseFactor;
        return (slots, names);
    }

    /// <summary>True when the quasi-random design can serve: 2d Sobol' dimensions for d inputs.</summary>
    public static bool QuasiRandomPossible(Scenario scenario) => 2 * scenario.UncertainInputs().Count <= Sampling.SobolSequence.MaxDimensions;

    // Point `point` of A (dimensions 0 .. d - 1) or of B (d .. 2d - 1): the coordinates with lower bits from the run's own streams.
    internal static void QuasiRandomRow(CompiledScenario compiled, InputSampler design, ulong key, long seed, int point, long run, int firstDimension, Span<double> inputs)
    {
        var parameters = compiled.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            inputs[i] = parameters[i].IsFixed ? parameters[i].Mean : 0;
        }
        Span<double> uniforms = stackalloc double[design.Dimensions];
        for (int d = 0; d < uniforms.Length; d++)
        {
            var rng = Random.StreamKey.Generator(seed, run, compiled.StreamPurposes[compiled.UncertainParameterIndices[d]]);
            uniforms[d] = Sampling.SobolSequence.Uniform((uint)point, firstDimension + d, key, rng.NextOpenDouble());
        }
        design.FromUniforms(uniforms, inputs);
        // The posterior's particles and the ceasefire's "none before" condition, as every run of the scenario has them.
        LaborMigrationModel.ApplyPosterior(compiled, seed, run, inputs);
        LaborMigrationModel.ApplyCeasefireCondition(compiled, inputs);
    }

    private static RunOutcome Evaluate(CompiledScenario compiled, long seed, long noiseRun, ReadOnlySpan<double> inputs)
    {
        var sink = new OutcomeSink();
        LaborMigrationModel.Simulate(compiled, seed, noiseRun, inputs, ref sink);
        return sink.Outcome;
    }

    private static void Store(double[][] target, int row, in RunOutcome outcome, IReadOnlyList<Metric> metrics)
    {
        for (int m = 0; m < metrics.Count; m++)
        {
            target[m][row] = outcome.Value(metrics[m]);
        }
    }

    private static void StoreFactor(double[][][] target, int factor, int row, in RunOutcome outcome, IReadOnlyList<Metric> metrics)
    {
        for (int m = 0; m < metrics.Count; m++)
        {
            target[m][factor][row] = outcome.Value(metrics[m]);
        }
    }

    private static double[][] NewMatrix(int rows, int columns)
    {
        var matrix = new double[rows][];
        for (int i = 0; i < rows; i++)
        {
            matrix[i] = new double[columns];
        }
        return matrix;
    }
}
