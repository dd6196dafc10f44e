using Simulation.Core.Random;
using Simulation.Core.Sampling;
using MathNormal = MathNet.Numerics.Distributions.Normal;

namespace Simulation.Core.Distributions;

/// <summary>Normal with mean and sd, truncated to [min, max] when bounds are given (<c>dist: normal</c>).</summary>
public sealed class NormalDistribution : InputDistribution
{
    private readonly double _mean, _sd, _lower, _upper, _cdfLower, _cdfUpper;

    internal NormalDistribution(double mean, double sd, double? min, double? max)
    {
        RequireFinite(mean, nameof(mean));
        RequirePositive(sd, nameof(sd));
        if (min is { } a)
        {
            RequireFinite(a, nameof(min));
        }
        if (max is { } b)
        {
            RequireFinite(b, nameof(max));
        }
        double lower = min ?? double.NegativeInfinity;
        double upper = max ?? double.PositiveInfinity;
        if (!(lower < upper))
        {
            throw new ArgumentException("normal: min must be below max");
        }
        double cdfLower = MathNormal.CDF(0, 1, (lower - mean) / sd);
        double cdfUpper = MathNormal.CDF(0, 1, (upper - mean) / sd);
        if (!(cdfUpper - cdfLower > 1e-12))
        {
            throw new ArgumentException("normal: [min, max] holds almost none of the distribution's mass");
        }
        (_mean, _sd, _lower, _upper, _cdfLower, _cdfUpper) = (mean, sd, lower, upper, cdfLower, cdfUpper);
    }

    /// <summary>The family's name and keys.</summary>
    public static DistributionFamily Family { get; } = new("normal", ["mean", "sd"], ["min", "max"],
        (n, _) => new NormalDistribution(n["mean"], n["sd"], n.TryGetValue("min", out double min) ? min : null, n.TryGetValue("max", out double max) ? max : null));

    /// <inheritdoc />
    public override DistributionKind Kind => DistributionKind.Normal;

    /// <inheritdoc />
    public override double SupportMin => _lower;

    /// <inheritdoc />
    public override double SupportMax => _upper;

    /// <summary>The mean of the truncated distribution.</summary>
    public override double Mean
    {
        get
        {
            double alpha = (_lower - _mean) / _sd;
            double beta = (_upper - _mean) / _sd;
            double densityLower = double.IsInfinity(alpha) ? 0 : MathNormal.PDF(0, 1, alpha);
            double densityUpper = double.IsInfinity(beta) ? 0 : MathNormal.PDF(0, 1, beta);
            return _mean + _sd * (densityLower - densityUpper) / (_cdfUpper - _cdfLower);
        }
    }

    /// <inheritdoc />
    public override double Cdf(double x) =>
        x <= _lower ? 0 : x >= _upper ? 1 : (MathNormal.CDF(0, 1, (x - _mean) / _sd) - _cdfLower) / (_cdfUpper - _cdfLower);

    /// <inheritdoc />
    protected override double DensityWithin(double x) => MathNormal.PDF(_mean, _sd, x) / (_cdfUpper - _cdfLower);

    /// <inheritdoc />
    public override double Quantile(double u) => IsUntruncated
        ? _mean + _sd * MathNormal.InvCDF(0, 1, u)
        : Math.Clamp(_mean + _sd * MathNormal.InvCDF(0, 1, _cdfLower + (_cdfUpper - _cdfLower) * u), _lower, _upper);

    /// <inheritdoc />
    public override double Sample(ref Xoshiro256StarStar rng)
    {
        if (IsUntruncated)
        {
            return _mean + _sd * StandardNormal.Sample(ref rng);
        }
        // Inversion between the bounds' CDF values is exact, costs one draw and never loops, however little mass the bounds hold.
        double u = _cdfLower + (_cdfUpper - _cdfLower) * rng.NextOpenDouble();
        return Math.Clamp(_mean + _sd * MathNormal.InvCDF(0, 1, u), _lower, _upper);
    }

    private bool IsUntruncated => double.IsInfinity(_lower) && double.IsInfinity(_upper);

    /// <inheritdoc />
    public override string ToString() => $"normal(mean {Format(_mean)}, sd {Format(_sd)}"
        + (double.IsFinite(_lower) ? $", min {Format(_lower)}" : "") + (double.IsFinite(_upper) ? $", max {Format(_upper)}" : "") + ")";
}
