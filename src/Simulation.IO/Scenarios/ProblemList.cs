using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>Collects every problem of a scenario instead of stopping at the first.</summary>
public sealed class ProblemList
{
    private readonly List<ScenarioProblem> _problems = [];

    /// <summary>The problems so far, in the order found.</summary>
    public IReadOnlyList<ScenarioProblem> Items => _problems;

    /// <summary>Number of problems so far.</summary>
    public int Count => _problems.Count;

    /// <summary>Records a problem at <paramref name="position"/>.</summary>
    public void Add(SourcePosition position, string keyPath, string message) => _problems.Add(new ScenarioProblem(position, keyPath, message));

    /// <summary>Records a problem at <paramref name="node"/>.</summary>
    public void Add(YamlNode node, string keyPath, string message) => Add(node.Position, keyPath, message);
}
