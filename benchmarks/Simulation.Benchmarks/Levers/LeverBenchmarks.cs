using BenchmarkDotNet.Attributes;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Benchmarks.Levers;

/// <summary>
/// Issue 14's sampler levers against the samplers the model uses, on the model's workloads: a run's 30 draws at one
/// repeated Poisson mean (table build included), and binomial returns with p fixed and n changing every draw.
/// </summary>
[MemoryDiagnoser]
public class LeverBenchmarks
{
    private const int Draws = 1000;
    private const int DrawsPerRun = 30;
    private readonly PoissonGuideTable _table = new();
    private Xoshiro256StarStar _rng = StreamKey.Generator(14, 14, 14);

    /// <summary>The means of a run's dispatch limit: the model's baseline draws it between 500 and 3,000 a month.</summary>
    [Params(50.0, 1500.0)]
    public double Mean { get; set; }

    /// <summary>Checks both levers against the exact mean and variance (5 standard errors) so that only correct samplers are timed.</summary>
    [GlobalSetup]
    public void CheckLevers()
    {
        var rng = StreamKey.Generator(7, 7, 7);
        _table.Build(Mean);
        CheckMoments(i => _table.Sample(ref rng), Mean, Mean, $"guide table Poisson({Mean})");
        const long trials = 20_000;
        const double p = 1.0 / 36;
        CheckMoments(i => Btpe.Sample(ref rng, trials, p), trials * p, trials * p * (1 - p), "BTPE Binomial(20000, 1/36)");
    }

    private static void CheckMoments(Func<int, long> draw, double mean, double variance, string what)
    {
        const int n = 400_000;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = draw(i);
            sum += x;
            squares += x * x;
        }
        double sampleMean = sum / n;
        double sampleVariance = (squares - n * sampleMean * sampleMean) / (n - 1);
        if (Math.Abs(sampleMean - mean) > 5 * Math.Sqrt(variance / n) || Math.Abs(sampleVariance - variance) > 5 * variance * Math.Sqrt(2.0 / n) * 1.1)
        {
            throw new InvalidOperationException($"{what}: mean {sampleMean} and variance {sampleVariance}, expected {mean} and {variance}");
        }
    }

    /// <summary>What the model does: PD with its setup kept, 30 draws.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DrawsPerRun)]
    public long Poisson_PD_RunOf30()
    {
        long x = 0;
        var setup = default(PoissonSetup);
        for (int i = 0; i < DrawsPerRun; i++) x += Poisson.Sample(ref _rng, Mean, ref setup);
        return x;
    }

    /// <summary>The lever: one table built per run (a new dispatch limit), then 30 draws from it.</summary>
    [Benchmark(OperationsPerInvoke = DrawsPerRun)]
    public long Poisson_GuideTable_RunOf30()
    {
        _table.Build(Mean);
        long x = 0;
        for (int i = 0; i < DrawsPerRun; i++) x += _table.Sample(ref _rng);
        return x;
    }

    /// <summary>The table's draws alone (a mean kept across runs, which the model's per-run inputs never give).</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long Poisson_GuideTable_DrawOnly()
    {
        long x = 0;
        for (int i = 0; i < Draws; i++) x += _table.Sample(ref _rng);
        return x;
    }

    /// <summary>The model's binomial (BTRS) for returns: p kept, n changing with every draw.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long Binomial_Btrs_ChangingTrials()
    {
        long x = 0;
        var setup = default(BinomialSetup);
        for (int i = 0; i < Draws; i++) x += Binomial.Sample(ref _rng, 20_000 + (i & 127), 1.0 / 36, ref setup);
        return x;
    }

    /// <summary>The lever: BTPE on the same draws (its setup is redone for every n, as BTRS's is).</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long Binomial_Btpe_ChangingTrials()
    {
        long x = 0;
        for (int i = 0; i < Draws; i++) x += Btpe.Sample(ref _rng, 20_000 + (i & 127), 1.0 / 36);
        return x;
    }
}
