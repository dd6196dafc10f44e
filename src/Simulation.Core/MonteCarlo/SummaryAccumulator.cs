using System.Runtime.CompilerServices;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// One worker thread's summary state: a sketch per cell (series x month, then metrics) for the whole run,
/// and the moments of the block of runs in progress. Cells of series s in month t are s * T + t; metric m is
/// <see cref="OutputNames.SeriesCount"/> * T + m.
/// </summary>
/// <remarks>
/// Runs write their values into a cell-major buffer of <see cref="ChunkRuns"/> runs, which is then summarised
/// cell by cell: each sketch and moment cell is touched once per chunk with contiguous values instead of once
/// per run and month, which keeps the hot loop's working set small (benchmarks/README.md has the numbers).
/// Values are summarised in run order, so results do not depend on chunking or threads.
/// </remarks>
internal sealed class SummaryAccumulator
{
    public const int ChunkRuns = 64;

    private readonly int _months;
    private readonly int _cells;
    private readonly QuantileSketch[] _sketches;
    private readonly double[] _buffer;
    private int _slot;
    private MomentBlock _block = null!;

    public SummaryAccumulator(int months)
    {
        _months = months;
        _cells = CellCount(months);
        _sketches = new QuantileSketch[_cells];
        for (int i = 0; i < _sketches.Length; i++)
        {
            _sketches[i] = new QuantileSketch();
        }
        _buffer = new double[_cells * ChunkRuns];
    }

    public static int CellCount(int months) => OutputNames.SeriesCount * months + OutputNames.MetricCount;

    public QuantileSketch[] Sketches => _sketches;

    public MomentBlock CurrentBlock => _block;

    public void BeginBlock(MomentBlock block)
    {
        _block = block;
        _slot = 0;
    }

    public void EndBlock() => Flush();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddMonth(int month, in MonthOutcome outcome)
    {
        int stride = _months * ChunkRuns;
        int at = month * ChunkRuns + _slot;
        double[] buffer = _buffer;
        buffer[at] = outcome.Workers;
        buffer[at + stride] = outcome.Arrivals;
        buffer[at + 2 * stride] = outcome.Returns;
        buffer[at + 3 * stride] = outcome.Expelled;
        buffer[at + 4 * stride] = outcome.RemittancesUsd;
        buffer[at + 5 * stride] = outcome.CumulativeRemittancesUsd;
        buffer[at + 6 * stride] = outcome.Enforced ? 1 : 0;
        buffer[at + 7 * stride] = outcome.Postwar ? 1 : 0;
    }

    public void AddRun(in RunOutcome outcome)
    {
        int at = OutputNames.SeriesCount * _months * ChunkRuns + _slot;
        double[] buffer = _buffer;
        buffer[at + (int)Metric.PeakWorkers * ChunkRuns] = outcome.PeakWorkers;
        buffer[at + (int)Metric.WorkersEnd * ChunkRuns] = outcome.WorkersEnd;
        buffer[at + (int)Metric.TotalDeployed * ChunkRuns] = outcome.TotalDeployed;
        buffer[at + (int)Metric.WorkerMonths * ChunkRuns] = outcome.WorkerMonths;
        buffer[at + (int)Metric.RemittancesUsd * ChunkRuns] = outcome.RemittancesUsd;
        buffer[at + (int)Metric.EnforcementEvents * ChunkRuns] = outcome.EnforcementEvents;
        buffer[at + (int)Metric.FirstEnforcementMonth * ChunkRuns] = outcome.FirstEnforcementMonth >= 0 ? outcome.FirstEnforcementMonth : double.NaN;
        buffer[at + (int)Metric.CeasefireMonth * ChunkRuns] = outcome.CeasefireMonth >= 0 ? outcome.CeasefireMonth : double.NaN;
        if (++_slot == ChunkRuns)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_slot == 0)
        {
            return;
        }
        int firstZeroOne = (int)Series.Enforced * _months;
        int endZeroOne = ((int)Series.Postwar + 1) * _months;
        int firstMetric = OutputNames.SeriesCount * _months;
        for (int cell = 0; cell < _cells; cell++)
        {
            var values = new ReadOnlySpan<double>(_buffer, cell * ChunkRuns, _slot);
            if (cell >= firstZeroOne && cell < endZeroOne)
            {
                // The enforced and postwar series are 0 or 1: counting the ones is enough.
                long ones = 0;
                foreach (double value in values)
                {
                    ones += (long)value;
                }
                _sketches[cell].AddRepeated(0, values.Length - ones);
                _sketches[cell].AddRepeated(1, ones);
                _block.AddZeroOne(cell, values.Length, ones, values[0]);
                continue;
            }
            _sketches[cell].AddMany(values);
            if (cell < firstMetric)
            {
                // Series values are never NaN; only censored metrics need the NaN-skipping path.
                _block.AddManyFinite(cell, values);
            }
            else
            {
                _block.AddMany(cell, values);
            }
        }
        _slot = 0;
    }
}
