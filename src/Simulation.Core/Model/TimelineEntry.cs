using Simulation.Core.Calendar;

namespace Simulation.Core.Model;

/// <summary>
/// From calendar month <paramref name="From"/> on, each setting replaces the parameter's value (docs/model.md, "Parameters that change on a date").
/// A later change replaces an earlier value, never compounds with it; for the same key, the entry later in the file
/// wins from its own month on.
/// </summary>
public sealed record TimelineEntry(YearMonth From, IReadOnlyList<TimelineSetting> Settings);
