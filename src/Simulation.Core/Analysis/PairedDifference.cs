using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.Analysis;

/// <summary>
/// The run-by-run difference B - A of one metric between a scenario B and the first scenario A, over the runs
/// where both observed it. <see cref="ProbabilityGreater"/> is the share of those runs where B &gt; A.
/// </summary>
public sealed record PairedDifference(string Scenario, string Baseline, Metric Metric, SummaryStatistics Statistics, double ProbabilityGreater);
