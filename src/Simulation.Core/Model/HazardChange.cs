using Simulation.Core.Calendar;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>From calendar month <paramref name="From"/> on, the base hazard is multiplied by <paramref name="Multiplier"/> (&gt;= 0) until the next change.</summary>
public sealed record HazardChange(YearMonth From, InputDistribution Multiplier);
