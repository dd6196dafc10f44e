using BenchmarkDotNet.Attributes;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Benchmarks;

/// <summary>Cost of one draw of each generator and sampler (OperationsPerInvoke = 1000 draws).</summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const int Draws = 1000;
    private Xoshiro256StarStar _rng = StreamKey.Generator(1, 2, 3);
    private readonly System.Random _mathNetRandom = new MathNet.Numerics.Random.Xoshiro256StarStar(42, threadSafe: false);

    [Benchmark(OperationsPerInvoke = Draws)]
    public ulong Xoshiro_NextUInt64()
    {
        ulong x = 0;
        for (int i = 0; i < Draws; i++) x ^= _rng.NextUInt64();
        return x;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public double StandardNormal_Ziggurat()
    {
        double x = 0;
        for (int i = 0; i < Draws; i++) x += StandardNormal.Sample(ref _rng);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    [Arguments(3.0)]
    [Arguments(1500.0)]
    public long Poisson_Sample(double mean)
    {
        long x = 0;
        for (int i = 0; i < Draws; i++) x += Poisson.Sample(ref _rng, mean);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    [Arguments(200L, 1.0 / 36)]
    [Arguments(30000L, 1.0 / 36)]
    public long Binomial_Sample(long trials, double p)
    {
        long x = 0;
        for (int i = 0; i < Draws; i++) x += Binomial.Sample(ref _rng, trials, p);
        return x;
    }

    /// <summary>As in the model: the probability is fixed for a run, so its setup is kept between draws.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    [Arguments(200L, 1.0 / 36)]
    [Arguments(30000L, 1.0 / 36)]
    public long Binomial_SampleWithSetup(long trials, double p)
    {
        long x = 0;
        var setup = default(BinomialSetup);
        for (int i = 0; i < Draws; i++) x += Binomial.Sample(ref _rng, trials, p, ref setup);
        return x;
    }

    /// <summary>As in the model: the mean repeats while dispatch is at its limit.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    [Arguments(3.0)]
    [Arguments(1500.0)]
    public long Poisson_SampleWithSetup(double mean)
    {
        long x = 0;
        var setup = default(PoissonSetup);
        for (int i = 0; i < Draws; i++) x += Poisson.Sample(ref _rng, mean, ref setup);
        return x;
    }

    /// <summary>As in the model while demand ramps up: the mean changes with every draw, so the setup is redone each time.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    public long Poisson_ChangingMean_400To655()
    {
        long x = 0;
        var setup = default(PoissonSetup);
        for (int i = 0; i < Draws; i++) x += Poisson.Sample(ref _rng, 400.0 + (i & 255), ref setup);
        return x;
    }

    /// <summary>As in the model's returns: p is fixed for a run, the stock (n) changes every month.</summary>
    [Benchmark(OperationsPerInvoke = Draws)]
    [Arguments(100L)]
    [Arguments(20000L)]
    public long Binomial_ChangingTrials(long smallestTrials)
    {
        long x = 0;
        var setup = default(BinomialSetup);
        for (int i = 0; i < Draws; i++) x += Binomial.Sample(ref _rng, smallestTrials + (i & 127), 1.0 / 36, ref setup);
        return x;
    }

    /// <summary>MathNet 5.0.0's binomial loops over every trial: the reason laborsim has its own.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public long MathNet_Binomial_30000()
    {
        long x = 0;
        for (int i = 0; i < 10; i++) x += MathNet.Numerics.Distributions.Binomial.Sample(_mathNetRandom, 1.0 / 36, 30000);
        return x;
    }
}
