using System.Runtime.CompilerServices;

namespace Simulation.Core.Catalogue;

/// <summary>One value per metric, held inline so that a run's outcome never allocates.</summary>
[InlineArray(OutputCatalogue.MetricCount)]
public struct MetricValues
{
    private double _first;
}
