using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>Workers the host wants on site (docs/model.md, step 2).</summary>
/// <param name="WartimeWorkers">Workers wanted while the war goes on (&gt;= 0).</param>
/// <param name="PeakWorkers">Workers wanted once reconstruction is in full swing (&gt;= 0).</param>
/// <param name="RampMonths">Months from the ceasefire until demand reaches its peak (&gt; 0).</param>
public sealed record DemandAssumptions(InputDistribution WartimeWorkers, InputDistribution PeakWorkers, InputDistribution RampMonths);
