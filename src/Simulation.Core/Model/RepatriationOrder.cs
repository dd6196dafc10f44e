using Simulation.Core.Calendar;
using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A deadline by which the host must send workers home (docs/model.md, steps 7 and 11): in the <paramref name="RampMonths"/>
/// months before <paramref name="Deadline"/> workers of the named channels are removed at the monthly rate
/// 1 - (1 - compliance)^(1 / ramp); in the deadline month each one still there moves to <paramref name="ConvertTo"/>
/// with probability <paramref name="Convert"/>.
/// </summary>
/// <param name="Deadline">The deadline month.</param>
/// <param name="Compliance">Share kappa of the stock removed by the deadline when nothing else moves, in [0, 1].</param>
/// <param name="RampMonths">Months L over which removals are spread (&gt;= 1; a draw is rounded to a whole number).</param>
/// <param name="Channels">Names of the channels the order covers; empty = all.</param>
/// <param name="ConvertTo">The channel stranded workers are re-papered into at the deadline, or null.</param>
/// <param name="Convert">Probability c that a worker still in a covered channel at the deadline converts, in [0, 1].</param>
public sealed record RepatriationOrder(
    YearMonth Deadline,
    InputDistribution Compliance,
    InputDistribution RampMonths,
    IReadOnlyList<string> Channels,
    string? ConvertTo,
    InputDistribution Convert);
