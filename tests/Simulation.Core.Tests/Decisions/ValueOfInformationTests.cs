using MathNet.Numerics.Distributions;
using Simulation.Core.Decisions;
using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Tests.Decisions;

/// <summary>The value-of-information estimators on the contract's known answers; tolerances are five standard errors.</summary>
public sealed class ValueOfInformationTests
{
    private static double[] Uniform(int n, int purpose, double low, double high)
    {
        var values = new double[n];
        for (int r = 0; r < n; r++)
        {
            var rng = StreamKey.Generator(2026, r, purpose);
            values[r] = low + (high - low) * rng.NextDouble();
        }
        return values;
    }

    private static double[] Normal(int n, int purpose, double sd)
    {
        var values = new double[n];
        for (int r = 0; r < n; r++)
        {
            var rng = StreamKey.Generator(2026, r, purpose);
            values[r] = sd * StandardNormal.Sample(ref rng);
        }
        return values;
    }

    [Fact]
    public void Ishigami_EachInputsExplainedVariance_IsItsFirstOrderSobolNumerator()
    {
        // Y = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1, x_i uniform on [-pi, pi]: V1 = 4.345888, V2 = 6.125, V3 = 0.
        const int n = 20_000;
        var x1 = Uniform(n, 1, -Math.PI, Math.PI);
        var x2 = Uniform(n, 2, -Math.PI, Math.PI);
        var x3 = Uniform(n, 3, -Math.PI, Math.PI);
        var y = new double[n];
        for (int r = 0; r < n; r++)
        {
            y[r] = Math.Sin(x1[r]) + 7 * Math.Pow(Math.Sin(x2[r]), 2) + 0.1 * Math.Pow(x3[r], 4) * Math.Sin(x1[r]);
        }
        foreach (var (x, exact) in new[] { (x1, 4.345888), (x2, 6.125), (x3, 0.0) })
        {
            var estimate = ValueOfInformation.ExplainedVariance([x], y, 1, 9);
            Assert.True(Math.Abs(estimate.Value - exact) < 5 * estimate.Se + 0.02, $"{estimate.Value} ± {estimate.Se} against {exact}");
            Assert.True(estimate.Se > 0 && estimate.Se < 0.2, $"se {estimate.Se}");
        }
    }

    [Fact]
    public void LinearGaussian_Evsi_Is24923()
    {
        // M = 2 X, X ~ N(0, 9), D = X + N(0, 4): Var(E[M | D]) = b^2 s^4 / (s^2 + t^2) = 4 * 81 / 13.
        const int n = 20_000;
        var x = Normal(n, 4, 3);
        var noise = Normal(n, 5, 2);
        var m = x.Select(v => 2 * v).ToArray();
        var d = x.Zip(noise, (a, b) => a + b).ToArray();
        var estimate = ValueOfInformation.ExplainedVariance([d], m, 1, 9);
        double exact = 4 * 81 / 13.0;
        Assert.Equal(24.923, exact, 3);
        Assert.True(Math.Abs(estimate.Value - exact) < 5 * estimate.Se, $"{estimate.Value} ± {estimate.Se} against {exact}");
    }

    [Fact]
    public void TwoOptions_EvpiAndEvppi_MatchTheClosedForms()
    {
        // Incremental net benefit INB = 1 + 2 X1 + X2 + 0.5 X3, X_i iid N(0, 1); option 0 has utility 0, option 1 INB.
        // With INB | info ~ N(1, v), E[max(0, .)] - 1 = Phi(1/sd) + sd phi(1/sd) - 1.
        const int n = 50_000;
        var x1 = Normal(n, 6, 1);
        var x2 = Normal(n, 7, 1);
        var x3 = Normal(n, 8, 1);
        var inb = new double[n];
        for (int r = 0; r < n; r++)
        {
            inb[r] = 1 + 2 * x1[r] + x2[r] + 0.5 * x3[r];
        }
        double[][] utilities = [new double[n], inb];
        static double Exact(double variance)
        {
            double sd = Math.Sqrt(variance);
            return MathNet.Numerics.Distributions.Normal.CDF(0, 1, 1 / sd) + sd * MathNet.Numerics.Distributions.Normal.PDF(0, 1, 1 / sd) - 1;
        }
        Assert.Equal(0.49979, Exact(5.25), 5);
        Assert.Equal(0.39559, Exact(4), 5);
        Assert.Equal(0.08332, Exact(1), 5);
        Assert.Equal(0.00425, Exact(0.25), 5);
        Assert.Equal(0.47981, Exact(5), 5);

        var evpi = ValueOfInformation.Evpi(utilities);
        Assert.True(Math.Abs(evpi.Value - Exact(5.25)) < 5 * evpi.Se, $"EVPI {evpi.Value} ± {evpi.Se}");
        foreach (var (xs, variance) in new (double[][], double)[] { ([x1], 4), ([x2], 1), ([x3], 0.25), ([x1, x2], 5) })
        {
            var evppi = ValueOfInformation.Evppi(xs, utilities, 3, 11);
            Assert.True(Math.Abs(evppi.Value - Exact(variance)) < 5 * evppi.Se + 0.002, $"EVPPI over {xs.Length} inputs: {evppi.Value} ± {evppi.Se} against {Exact(variance)}");
        }
    }

    [Fact]
    public void ZeroOneInput_IsFittedByItsGroupMeans()
    {
        // y = 3 when the draw is 1 and 0 otherwise, plus noise: Var(E[y | draw]) = 9 p (1 - p).
        const int n = 10_000;
        var u = Uniform(n, 12, 0, 1);
        var draw = u.Select(v => v < 0.3 ? 1.0 : 0.0).ToArray();
        var noise = Normal(n, 13, 1);
        var y = draw.Zip(noise, (a, b) => 3 * a + b).ToArray();
        var estimate = ValueOfInformation.ExplainedVariance([draw], y, 1, 9);
        double p = draw.Average();
        Assert.True(Math.Abs(estimate.Value - 9 * p * (1 - p)) < 5 * estimate.Se, $"{estimate.Value} ± {estimate.Se}");
    }
}
