using System.Runtime.CompilerServices;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// One worker thread's summary state: a sketch per cell (series x month, then metrics) for the whole run,
/// and the moments of the block of runs in progress. Cells of series s in month t are s * T + t; metric m is
/// <see cref="OutputNames.SeriesCount"/> * T + m.
/// </summary>
internal sealed class SummaryAccumulator
{
    private readonly int _months;
    private readonly QuantileSketch[] _sketches;
    private MomentBlock _block = null!;

    public SummaryAccumulator(int months)
    {
        _months = months;
        _sketches = new QuantileSketch[CellCount(months)];
        for (int i = 0; i < _sketches.Length; i++)
        {
            _sketches[i] = new QuantileSketch();
        }
    }

    public static int CellCount(int months) => OutputNames.SeriesCount * months + OutputNames.MetricCount;

    public QuantileSketch[] Sketches => _sketches;

    public void BeginBlock(MomentBlock block) => _block = block;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddMonth(int month, in MonthOutcome outcome)
    {
        int months = _months;
        Add(month, outcome.Workers);
        Add(months + month, outcome.Arrivals);
        Add(2 * months + month, outcome.Returns);
        Add(3 * months + month, outcome.Expelled);
        Add(4 * months + month, outcome.RemittancesUsd);
        Add(5 * months + month, outcome.CumulativeRemittancesUsd);
        Add(6 * months + month, outcome.Enforced ? 1 : 0);
        Add(7 * months + month, outcome.Postwar ? 1 : 0);
    }

    public void AddRun(in RunOutcome outcome)
    {
        int first = OutputNames.SeriesCount * _months;
        Add(first + (int)Metric.PeakWorkers, outcome.PeakWorkers);
        Add(first + (int)Metric.WorkersEnd, outcome.WorkersEnd);
        Add(first + (int)Metric.TotalDeployed, outcome.TotalDeployed);
        Add(first + (int)Metric.WorkerMonths, outcome.WorkerMonths);
        Add(first + (int)Metric.RemittancesUsd, outcome.RemittancesUsd);
        Add(first + (int)Metric.EnforcementEvents, outcome.EnforcementEvents);
        if (outcome.FirstEnforcementMonth >= 0)
        {
            Add(first + (int)Metric.FirstEnforcementMonth, outcome.FirstEnforcementMonth);
        }
        if (outcome.CeasefireMonth >= 0)
        {
            Add(first + (int)Metric.CeasefireMonth, outcome.CeasefireMonth);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int cell, double value)
    {
        _sketches[cell].Add(value);
        _block.Add(cell, value);
    }
}
