using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.Discovery;

/// <summary>Clauses joined by "and": the runs PRIM counts as hits.</summary>
public sealed record OutcomeCondition(IReadOnlyList<OutcomeClause> Clauses)
{
    /// <summary>True when every clause holds for the metrics of one run (indexed by <see cref="Metric"/>).</summary>
    public bool Holds(ReadOnlySpan<double> metrics)
    {
        foreach (var clause in Clauses)
        {
            if (!clause.Holds(metrics[(int)clause.Metric]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" and ", Clauses);
}
