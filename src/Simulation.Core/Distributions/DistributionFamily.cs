namespace Simulation.Core.Distributions;

/// <summary>
/// A family of input distributions as a scenario file writes it after <c>dist:</c>: its name, its keys, and how a
/// member is made from their values. Each family declares itself beside its class (as MathNet.Numerics' distributions
/// do), and the scenario reader, the defaults table and the JSON Schema read these declarations.
/// </summary>
/// <param name="Name">The name after <c>dist:</c>, e.g. "uniform".</param>
/// <param name="Required">Keys that must be given.</param>
/// <param name="Optional">Keys that may be given.</param>
/// <param name="Create">Makes a member from the numbers given (by key) and the lists given (by key); throws <see cref="ArgumentException"/> for impossible values.</param>
public sealed record DistributionFamily(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional,
    Func<IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double[]>, InputDistribution> Create)
{
    /// <summary>Sets of keys of which exactly one must be given whole (the log-normal's two ways of being written); empty when the required keys suffice.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; init; } = [];

    /// <summary>Keys whose value is a list of numbers rather than one number.</summary>
    public IReadOnlyList<string> ListKeys { get; init; } = [];

    /// <summary>Every key the family takes, required first.</summary>
    public IReadOnlyList<string> Keys => [.. Required, .. Optional];

    /// <summary>Every family, in the order docs/scenario-format.md lists them.</summary>
    public static IReadOnlyList<DistributionFamily> All { get; } =
    [
        UniformDistribution.Family, NormalDistribution.Family, LogNormalDistribution.Family, TriangularDistribution.Family,
        PertDistribution.Family, BetaDistribution.Family, GammaDistribution.Family, ExponentialDistribution.Family, DiscreteDistribution.Family,
    ];

    /// <summary>The family called <paramref name="name"/>, or null.</summary>
    public static DistributionFamily? Find(string name)
    {
        foreach (var family in All)
        {
            if (family.Name == name)
            {
                return family;
            }
        }
        return null;
    }
}
