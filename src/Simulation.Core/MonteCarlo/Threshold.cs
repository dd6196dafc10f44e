using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>A probability asked for: P(<paramref name="Metric"/> &gt; <paramref name="Value"/>) (--threshold METRIC=VALUE).</summary>
public readonly record struct Threshold(Metric Metric, double Value);
