using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simulation.Core.Random;

namespace Simulation.Core.Sampling;

/// <summary>
/// The exact samplers of <see cref="StandardNormal"/>, <see cref="Poisson"/> and <see cref="Binomial"/> for four runs
/// side by side: each lane draws from its own stream exactly what the scalar sampler draws and returns the same
/// value, bit for bit. The common path (a ziggurat core, PD's immediate or squeeze acceptance, BTRS's quick
/// acceptance) runs in the lanes; a lane that leaves it finishes on the scalar sampler from the same point.
/// </summary>
internal static class LaneSampling
{
    /// <summary>A N(0, 1) variate in every lane of <paramref name="active"/> (the others give garbage and draw nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Normal(ref Xoshiro256Lanes rng, Vector256<ulong> active)
    {
        var bits = rng.NextUInt64(active);
        var layers = bits & Vector256.Create(0xFFUL);
        var u = Vector256.Create(2.0) * ((Xoshiro256Lanes.WholeToDouble(bits >> 12) + Vector256.Create(0.5)) * (1.0 / (1UL << 52))) - Vector256.Create(1.0);
        double[] edges = StandardNormal.X;
        int l0 = (int)layers.GetElement(0), l1 = (int)layers.GetElement(1), l2 = (int)layers.GetElement(2), l3 = (int)layers.GetElement(3);
        var x = u * Vector256.Create(edges[l0], edges[l1], edges[l2], edges[l3]);
        var inner = Vector256.Create(edges[l0 + 1], edges[l1 + 1], edges[l2 + 1], edges[l3 + 1]);
        var outside = ~Vector256.LessThan(Vector256.Abs(x), inner).AsUInt64() & active;
        if (outside != Vector256<ulong>.Zero)
        {
            x = FinishNormal(ref rng, outside, layers, x);
        }
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> FinishNormal(ref Xoshiro256Lanes rng, Vector256<ulong> outside, Vector256<ulong> layers, Vector256<double> x)
    {
        for (int lane = 0; lane < Xoshiro256Lanes.Count; lane++)
        {
            if (outside.GetElement(lane) != 0)
            {
                var scalar = rng.Lane(lane);
                x = LaneVector.Replace(x, lane, StandardNormal.SampleSlow(ref scalar, (int)layers.GetElement(lane), x.GetElement(lane)));
                rng.SetLane(lane, scalar);
            }
        }
        return x;
    }

    /// <summary>A Poisson(<paramref name="mean"/>) variate per lane, as <see cref="Poisson.Sample(ref Xoshiro256StarStar, double)"/> gives it (means finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Poisson(ref Xoshiro256Lanes rng, Vector256<double> mean)
    {
        var positive = Vector256.GreaterThan(mean, Vector256<double>.Zero);
        var byDeviates = Vector256.GreaterThanOrEqual(mean, Vector256.Create(Sampling.Poisson.InversionLimit));
        var result = Vector256<double>.Zero;
        var small = positive & ~byDeviates;
        if (small != Vector256<double>.Zero)
        {
            result = PoissonByInversion(ref rng, small, mean, result);
        }
        if (byDeviates == Vector256<double>.Zero)
        {
            return result;
        }
        var active = byDeviates.AsUInt64();
        var g = mean + Vector256.Sqrt(mean) * Normal(ref rng, active);
        var u = rng.NextDouble(active);
        var k = Vector256.Floor(g);
        var difference = mean - k;
        var immediateLimit = Vector256.Floor(mean - Vector256.Create(1.1484));
        var squeezeScale = Vector256.Create(6.0) * mean * mean;
        var accepted = Vector256.GreaterThanOrEqual(g, Vector256<double>.Zero)
            & (Vector256.GreaterThanOrEqual(k, immediateLimit) | Vector256.GreaterThanOrEqual(squeezeScale * u, difference * difference * difference));
        result = Vector256.ConditionalSelect(byDeviates, k, result);
        var rare = byDeviates & ~accepted;
        if (rare != Vector256<double>.Zero)
        {
            result = PoissonRareSteps(ref rng, rare, mean, g, k, u, result);
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> PoissonByInversion(ref Xoshiro256Lanes rng, Vector256<double> lanes, Vector256<double> mean, Vector256<double> result)
    {
        for (int lane = 0; lane < Xoshiro256Lanes.Count; lane++)
        {
            if (lanes.AsUInt64().GetElement(lane) != 0)
            {
                double m = mean.GetElement(lane);
                var scalar = rng.Lane(lane);
                result = LaneVector.Replace(result, lane, Sampling.Poisson.SampleByInversion(ref scalar, m, Math.Exp(-m)));
                rng.SetLane(lane, scalar);
            }
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> PoissonRareSteps(ref Xoshiro256Lanes rng, Vector256<double> lanes, Vector256<double> mean, Vector256<double> g, Vector256<double> k,
        Vector256<double> u, Vector256<double> result)
    {
        for (int lane = 0; lane < Xoshiro256Lanes.Count; lane++)
        {
            if (lanes.AsUInt64().GetElement(lane) != 0)
            {
                var setup = default(PoissonSetup);
                setup.Prepare(mean.GetElement(lane));
                var scalar = rng.Lane(lane);
                bool nonNegative = g.GetElement(lane) >= 0;
                long value = Sampling.Poisson.SampleRareSteps(ref scalar, ref setup, nonNegative ? k.GetElement(lane) : -1, nonNegative ? u.GetElement(lane) : 0);
                result = LaneVector.Replace(result, lane, value);
                rng.SetLane(lane, scalar);
            }
        }
        return result;
    }

    /// <summary>
    /// A Binomial(<paramref name="trials"/>, <paramref name="probability"/>) variate per lane, as
    /// <see cref="Binomial.Sample(ref Xoshiro256StarStar, long, double)"/> gives it (whole trials below 2^53, probabilities in [0, 1]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Binomial(ref Xoshiro256Lanes rng, Vector256<double> trials, Vector256<double> probability)
    {
        var one = Vector256.Create(1.0);
        var someTrials = Vector256.GreaterThan(trials, Vector256<double>.Zero);
        var certain = someTrials & Vector256.GreaterThanOrEqual(probability, one);
        var live = someTrials & Vector256.GreaterThan(probability, Vector256<double>.Zero) & Vector256.LessThan(probability, one);
        var result = certain & trials;
        if (live == Vector256<double>.Zero)
        {
            return result;
        }
        var flipped = Vector256.GreaterThan(probability, Vector256.Create(0.5));
        var p = Vector256.ConditionalSelect(flipped, one - probability, probability);
        var q = one - p;
        var byRejection = live & Vector256.GreaterThanOrEqual(trials * p, Vector256.Create(Sampling.Binomial.InversionLimit));
        var byInversion = live & ~byRejection;
        var successes = Vector256<double>.Zero;
        if (byInversion != Vector256<double>.Zero)
        {
            successes = BinomialByInversion(ref rng, byInversion, trials, probability, successes);
        }
        if (byRejection != Vector256<double>.Zero)
        {
            var active = byRejection.AsUInt64();
            var spq = Vector256.Sqrt(trials * p * q);
            var b = Vector256.Create(1.15) + Vector256.Create(2.53) * spq;
            var a = Vector256.Create(-0.0873) + Vector256.Create(0.0248) * b + Vector256.Create(0.01) * p;
            var c = trials * p + Vector256.Create(0.5);
            var acceptLimit = Vector256.Create(0.92) - Vector256.Create(4.2) / b;
            var u = rng.NextDouble(active) - Vector256.Create(0.5);
            var v = rng.NextDouble(active);
            var us = Vector256.Create(0.5) - Vector256.Abs(u);
            var k = Vector256.Floor((Vector256.Create(2.0) * a / us + b) * u + c);
            var quick = Vector256.GreaterThanOrEqual(k, Vector256<double>.Zero) & Vector256.LessThanOrEqual(k, trials)
                & Vector256.GreaterThanOrEqual(us, Vector256.Create(0.07)) & Vector256.LessThanOrEqual(v, acceptLimit);
            successes = Vector256.ConditionalSelect(byRejection, k, successes);
            var slow = byRejection & ~quick;
            if (slow != Vector256<double>.Zero)
            {
                successes = BinomialExactTest(ref rng, slow, trials, probability, u, v, successes);
            }
        }
        return Vector256.ConditionalSelect(live, Vector256.ConditionalSelect(flipped, trials - successes, successes), result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> BinomialByInversion(ref Xoshiro256Lanes rng, Vector256<double> lanes, Vector256<double> trials, Vector256<double> probability,
        Vector256<double> successes)
    {
        for (int lane = 0; lane < Xoshiro256Lanes.Count; lane++)
        {
            if (lanes.AsUInt64().GetElement(lane) != 0)
            {
                var setup = default(BinomialSetup);
                setup.Prepare(probability.GetElement(lane));
                setup.LogQ = Math.Log(setup.Q);
                var scalar = rng.Lane(lane);
                successes = LaneVector.Replace(successes, lane, Sampling.Binomial.SampleByInversion(ref scalar, (long)trials.GetElement(lane), in setup));
                rng.SetLane(lane, scalar);
            }
        }
        return successes;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> BinomialExactTest(ref Xoshiro256Lanes rng, Vector256<double> lanes, Vector256<double> trials, Vector256<double> probability,
        Vector256<double> u, Vector256<double> v, Vector256<double> successes)
    {
        for (int lane = 0; lane < Xoshiro256Lanes.Count; lane++)
        {
            if (lanes.AsUInt64().GetElement(lane) != 0)
            {
                var setup = default(BinomialSetup);
                setup.Prepare(probability.GetElement(lane));
                setup.LogOdds = Math.Log(setup.P / setup.Q);
                var scalar = rng.Lane(lane);
                long value = Sampling.Binomial.ContinueTransformedRejection(ref scalar, (long)trials.GetElement(lane), in setup, u.GetElement(lane), v.GetElement(lane));
                successes = LaneVector.Replace(successes, lane, value);
                rng.SetLane(lane, scalar);
            }
        }
        return successes;
    }
}
