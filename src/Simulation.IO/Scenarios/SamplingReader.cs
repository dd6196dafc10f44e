using Simulation.Core.Model;
using Simulation.Core.Sampling;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Reads <c>sampling: {method: monte-carlo | latin-hypercube | sobol}</c>.</summary>
public static class SamplingReader
{
    private const string Example = "{method: latin-hypercube}";

    private static readonly Dictionary<string, SamplingMethod> Methods = new(StringComparer.Ordinal)
    {
        ["monte-carlo"] = SamplingMethod.MonteCarlo,
        ["latin-hypercube"] = SamplingMethod.LatinHypercube,
        ["sobol"] = SamplingMethod.Sobol,
    };

    /// <summary>The name of <paramref name="method"/> in scenario files.</summary>
    public static string Name(SamplingMethod method) => Methods.First(m => m.Value == method).Key;

    /// <summary>The method; null after recording a problem.</summary>
    internal static SamplingMethod? Read(YamlNode node, Scenario scenario, ProblemList problems)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return SamplingMethod.MonteCarlo;
        }
        var fields = ItemFields.Read(node, "sampling", ["method"], Example, problems);
        if (fields is null)
        {
            return null;
        }
        var methodNode = fields.Required("method", "sampling", Example, problems);
        if (methodNode is null)
        {
            return null;
        }
        string name = methodNode is YamlScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
        if (!Methods.TryGetValue(name, out var method))
        {
            string? closest = Spelling.Closest(name, [.. Methods.Keys]);
            problems.Add(methodNode, "sampling.method", $"unknown method '{(name.Length > 0 ? name : methodNode.Describe())}'{(closest is null ? "" : $"; did you mean '{closest}'?")}; one of {string.Join(", ", Methods.Keys)}");
            return null;
        }
        int inputs = scenario.UncertainInputs().Count;
        if (method == SamplingMethod.Sobol && inputs > SobolSequence.MaxDimensions)
        {
            problems.Add(methodNode, "sampling.method", $"Sobol' points come in at most {SobolSequence.MaxDimensions} dimensions and this scenario has {inputs} uncertain inputs; use latin-hypercube");
            return null;
        }
        if (method == SamplingMethod.Sobol && scenario.Runs > uint.MaxValue)
        {
            problems.Add(methodNode, "sampling.method", $"Sobol' points are indexed by 32 bits: at most {uint.MaxValue:N0} runs");
            return null;
        }
        return method;
    }
}
