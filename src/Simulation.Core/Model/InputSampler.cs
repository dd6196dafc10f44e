using Simulation.Core.Correlation;
using Simulation.Core.Distributions;
using Simulation.Core.Random;
using Simulation.Core.Sampling;
using MathNormal = MathNet.Numerics.Distributions.Normal;

namespace Simulation.Core.Model;

/// <summary>
/// Draws a run's uncertain inputs under a sampling design and rank correlations. Each uncertain input d gets a
/// uniform number u in (0, 1): Monte Carlo from the input's own stream; Latin hypercube (u = (stratum + v) / N, the
/// stratum a keyed permutation of the run index, v from the input's stream); or an Owen-scrambled Sobol' point
/// (dimension d, index = run, its lower bits filled from the input's stream). Correlated inputs pass their u through
/// the Gaussian copula; every u then maps to the input through its inverse distribution function. Run r's inputs
/// depend only on (seed, r, runs).
/// </summary>
/// <remarks>
/// Under Monte Carlo the inputs outside the copula keep their usual draw, so a scenario with correlations shares its
/// randomness with the same scenario without them (common random numbers).
/// </remarks>
public sealed class InputSampler
{
    /// <summary>Stream purpose of the Latin hypercube's permutation keys and the Sobol' scramble's key.</summary>
    public const int DesignStream = 2_000_000_300;

    private readonly InputDistribution[] _distributions;
    private readonly int[] _slots;
    private readonly int[] _purposes;
    private readonly int[] _copulaIndex;

    internal InputSampler(SamplingMethod method, long runs, InputDistribution[] parameters, int[] uncertain, int[] purposes, InputCopula? copula)
    {
        if (method == SamplingMethod.Sobol && uncertain.Length > SobolSequence.MaxDimensions)
        {
            throw new ArgumentException($"Sobol' points are available in {SobolSequence.MaxDimensions} dimensions; the scenario has {uncertain.Length} uncertain inputs");
        }
        Method = method;
        Runs = runs;
        Copula = copula;
        _slots = uncertain;
        _distributions = new InputDistribution[uncertain.Length];
        _purposes = new int[uncertain.Length];
        _copulaIndex = new int[uncertain.Length];
        for (int d = 0; d < uncertain.Length; d++)
        {
            _distributions[d] = parameters[uncertain[d]];
            _purposes[d] = purposes[uncertain[d]];
            _copulaIndex[d] = copula is null ? -1 : Array.IndexOf(copula.Slots, uncertain[d]);
        }
    }

    /// <summary>The design.</summary>
    public SamplingMethod Method { get; }

    /// <summary>The runs the design is built for (a Latin hypercube's strata).</summary>
    public long Runs { get; }

    /// <summary>The copula of the correlated inputs, or null.</summary>
    public InputCopula? Copula { get; }

    /// <summary>Number of uncertain inputs: the design's dimensions.</summary>
    public int Dimensions => _slots.Length;

    /// <summary>Sets the uncertain inputs of run <paramref name="run"/> (the fixed ones are the caller's).</summary>
    public void Sample(long seed, long run, Span<double> inputs)
    {
        Span<double> uniforms = stackalloc double[_slots.Length];
        for (int d = 0; d < _slots.Length; d++)
        {
            if (Method == SamplingMethod.MonteCarlo && _copulaIndex[d] < 0)
            {
                var own = StreamKey.Generator(seed, run, _purposes[d]);
                inputs[_slots[d]] = _distributions[d].Sample(ref own);
                uniforms[d] = double.NaN;
                continue;
            }
            uniforms[d] = Uniform(seed, run, d);
        }
        FromUniforms(uniforms, inputs);
    }

    /// <summary>
    /// Maps uniform numbers (one per uncertain input; NaN leaves that input as it is) to inputs: through the copula
    /// for the correlated ones, then each through its inverse distribution function.
    /// </summary>
    public void FromUniforms(ReadOnlySpan<double> uniforms, Span<double> inputs)
    {
        Span<double> correlated = stackalloc double[Copula?.Slots.Length ?? 0];
        if (Copula is { } copula)
        {
            int k = copula.Slots.Length;
            Span<double> normals = stackalloc double[k];
            for (int d = 0; d < uniforms.Length; d++)
            {
                if (_copulaIndex[d] >= 0)
                {
                    normals[_copulaIndex[d]] = MathNormal.InvCDF(0, 1, uniforms[d]);
                }
            }
            var factor = copula.Factor;
            for (int i = 0; i < k; i++)
            {
                double z = 0;
                for (int j = 0; j < k; j++)
                {
                    z += factor[i * k + j] * normals[j];
                }
                // Clamped inside (0, 1) so that an unbounded marginal never meets an infinite quantile.
                correlated[i] = Math.Clamp(MathNormal.CDF(0, 1, z), 1e-300, 1 - 1e-16);
            }
        }
        for (int d = 0; d < uniforms.Length; d++)
        {
            double u = _copulaIndex[d] >= 0 ? correlated[_copulaIndex[d]] : uniforms[d];
            if (!double.IsNaN(u))
            {
                inputs[_slots[d]] = _distributions[d].Quantile(u);
            }
        }
    }

    /// <summary>The design's uniform number in (0, 1) for input <paramref name="dimension"/> of run <paramref name="run"/>.</summary>
    public double Uniform(long seed, long run, int dimension)
    {
        var rng = StreamKey.Generator(seed, run, _purposes[dimension]);
        double v = rng.NextOpenDouble();
        switch (Method)
        {
            case SamplingMethod.LatinHypercube:
                if ((ulong)run >= (ulong)Runs)
                {
                    throw new ArgumentOutOfRangeException(nameof(run), $"a Latin hypercube of {Runs:N0} runs has no run {run}");
                }
                var permutation = new KeyedPermutation(StreamKey.For(seed, Runs, DesignStream, _purposes[dimension]), Runs);
                return (permutation[run] + v) / Runs;
            case SamplingMethod.Sobol:
                if ((ulong)run > uint.MaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(run), "Sobol' points are indexed by 32 bits");
                }
                return SobolSequence.Uniform((uint)run, dimension, StreamKey.For(seed, 0, DesignStream), v);
            default:
                return v;
        }
    }
}
