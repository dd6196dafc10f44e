using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// A metric over the runs. For censored metrics the statistics cover the runs where the event happened and
/// <see cref="ShareObserved"/> is the share of runs where it happened by the horizon.
/// </summary>
public sealed record MetricSummary(Metric Metric, SummaryStatistics Statistics, double ShareObserved, QuantileSketch Distribution);
