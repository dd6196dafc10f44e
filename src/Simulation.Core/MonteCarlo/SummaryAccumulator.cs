using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;
using Simulation.Core.Summaries;

namespace Simulation.Core.MonteCarlo;

/// <summary>
/// One worker thread's summary state: a sketch per cell (<see cref="SummaryLayout"/>: series x month, metrics,
/// conditional metrics, annual remittances) for the whole run, and the moments of the block of runs in progress.
/// </summary>
/// <remarks>
/// Runs write their values into a cell-major buffer of <see cref="ChunkRuns"/> runs, which is then summarised
/// cell by cell: each sketch and moment cell is touched once per chunk with contiguous values instead of once
/// per run and month, which keeps the hot loop's working set small (benchmarks/README.md has the numbers).
/// Values are summarised in run order, and moments <see cref="MomentRuns"/> values at a time whatever the chunk, so
/// results depend neither on the chunk's size nor on threads.
/// </remarks>
internal sealed class SummaryAccumulator
{
    public const int ChunkRuns = 256;

    /// <summary>
    /// Moments add their values in slices of this many runs from the start of a block: a slice's lane sums are added to
    /// the cell's in one step, so the slice fixes the order of additions, and with it the last bits of every mean and
    /// standard deviation. It is the chunk size the outputs were first written with; the chunk grew to 256 runs for
    /// speed (fewer passes over each sketch's buckets; benchmarks/README.md, "Speed III") without moving those bits.
    /// </summary>
    public const int MomentRuns = 64;

    private readonly int _months;
    private readonly int _series;
    private readonly bool[] _zeroOne;
    private readonly bool[] _alwaysZero;
    private readonly int[] _copies;
    private readonly int[] _stored;
    private readonly int _cells;
    private readonly QuantileSketch[] _sketches;
    private readonly double[] _buffer;
    private readonly SummaryLayout _layout;
    private readonly int _firstConditional;
    private readonly int _firstYear;
    private int _slot;
    private MomentBlock _block = null!;

    /// <param name="series">The series summarised, in layout order.</param>
    /// <param name="layout">Where each summarised quantity sits.</param>
    /// <param name="alwaysZero">Series the scenario cannot move from 0: counted, never stored.</param>
    /// <param name="copies">
    /// For each series, the earlier series it equals by construction (or -1): neither stored nor summarised; its
    /// block moments are copied from the source's at the end of each block, its sketches by the caller when merging
    /// (<see cref="SummaryLayout.CopySketches"/>).
    /// </param>
    public SummaryAccumulator(IReadOnlyList<OutputDefinition> series, SummaryLayout layout, bool[]? alwaysZero = null, int[]? copies = null)
    {
        int months = layout.Months;
        _layout = layout;
        _firstConditional = layout.ConditionalMetric(0, 0);
        _firstYear = layout.FirstYearCell;
        _months = months;
        _series = series.Count;
        _zeroOne = new bool[_series];
        _alwaysZero = alwaysZero ?? new bool[_series];
        _copies = copies ?? NoCopies(_series);
        var stored = new List<int>();
        for (int s = 0; s < _series; s++)
        {
            _zeroOne[s] = series[s].Kind == OutputKind.ZeroOne;
            if (!_alwaysZero[s] && _copies[s] < 0)
            {
                stored.Add(s);
            }
        }
        _stored = [.. stored];
        _cells = layout.Cells;
        _sketches = new QuantileSketch[_cells];
        for (int i = 0; i < _sketches.Length; i++)
        {
            _sketches[i] = new QuantileSketch();
        }
        _buffer = new double[_cells * ChunkRuns];
        _lastPeaks = new double[layout.PeakSeries.Count];
    }

    private readonly double[] _lastPeaks;

    /// <summary>The last run's peak of each of the layout's peak series (for the table of every run).</summary>
    public ReadOnlySpan<double> LastPeaks => _lastPeaks;

    public QuantileSketch[] Sketches => _sketches;

    public MomentBlock CurrentBlock => _block;

    public void BeginBlock(MomentBlock block)
    {
        _block = block;
        _slot = 0;
    }

    public void EndBlock()
    {
        Flush();
        for (int s = 0; s < _series; s++)
        {
            if (_copies[s] >= 0)
            {
                for (int t = 0; t < _months; t++)
                {
                    _block.CopyCell(_copies[s] * _months + t, s * _months + t);
                }
            }
        }
    }

    /// <summary>No series copies another.</summary>
    private static int[] NoCopies(int series)
    {
        var none = new int[series];
        Array.Fill(none, -1);
        return none;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddMonth(int month, ReadOnlySpan<double> values)
    {
        int stride = _months * ChunkRuns;
        int at = month * ChunkRuns + _slot;
        double[] buffer = _buffer;
        foreach (int s in _stored)
        {
            buffer[at + s * stride] = values[s];
        }
        int year = (_firstYear + _layout.YearOfMonth[month]) * ChunkRuns + _slot;
        double money = values[(int)Catalogue.Series.RemittancesUsd];
        buffer[year] = _layout.StartsYear[month] ? money : buffer[year] + money;
    }

    /// <summary>
    /// Month <paramref name="month"/> of the next four runs at once (<see cref="LaneModel"/>): lane i is run slot + i, so
    /// each series takes one store; the runs' metrics follow with <see cref="AddRun"/>, lane by lane. The block's
    /// runs start at slot 0 and <see cref="ChunkRuns"/> is a multiple of 4, so the four slots are never split by a flush.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddMonthLanes(int month, ReadOnlySpan<Vector256<double>> values)
    {
        int stride = _months * ChunkRuns;
        int at = month * ChunkRuns + _slot;
        var buffer = _buffer.AsSpan();
        foreach (int s in _stored)
        {
            values[s].CopyTo(buffer.Slice(at + s * stride, LaneModel.Lanes));
        }
        var year = buffer.Slice((_firstYear + _layout.YearOfMonth[month]) * ChunkRuns + _slot, LaneModel.Lanes);
        var money = values[(int)Catalogue.Series.RemittancesUsd];
        (_layout.StartsYear[month] ? money : Vector256.Create((ReadOnlySpan<double>)year) + money).CopyTo(year);
    }

    public void AddRun(in RunOutcome outcome)
    {
        int at = _series * _months * ChunkRuns + _slot;
        double[] buffer = _buffer;
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            buffer[at + m * ChunkRuns] = outcome[(Metric)m];
        }
        // The same metrics under each condition: NaN where it fails, so that they are summarised over the runs where it holds.
        bool ceasefire = !double.IsNaN(outcome[Metric.CeasefireMonth]);
        bool abroad = outcome[Metric.PeakWorkers] > 0;
        int conditional = _firstConditional * ChunkRuns + _slot;
        for (int m = 0; m < OutputCatalogue.MetricCount; m++)
        {
            double value = outcome[(Metric)m];
            buffer[conditional + m * ChunkRuns] = ceasefire ? value : double.NaN;
            buffer[conditional + (OutputCatalogue.MetricCount + m) * ChunkRuns] = abroad ? value : double.NaN;
        }
        // Each destination's peak, from the months already in the buffer: the monthly path stays as it was.
        var peaks = _layout.PeakSeries;
        for (int p = 0; p < peaks.Count; p++)
        {
            double peak = 0;
            int series = peaks[p] * _months * ChunkRuns + _slot;
            for (int t = _layout.PeakFrom; t < _months; t++)
            {
                peak = Math.Max(peak, buffer[series + t * ChunkRuns]);
            }
            buffer[_layout.PeakCell(p) * ChunkRuns + _slot] = peak;
            _lastPeaks[p] = peak;
        }
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
        int firstMetric = _series * _months;
        for (int cell = 0; cell < _cells; cell++)
        {
            var values = new ReadOnlySpan<double>(_buffer, cell * ChunkRuns, _slot);
            if (cell < firstMetric && _copies[cell / _months] >= 0)
            {
                continue;
            }
            if (cell < firstMetric && _alwaysZero[cell / _months])
            {
                // A series the scenario cannot move from 0: counted, never stored (the same summary as storing zeros).
                _sketches[cell].AddRepeated(0, _slot);
                _block.AddZeroOne(cell, _slot, 0, 0);
                continue;
            }
            if (cell < firstMetric && _zeroOne[cell / _months])
            {
                // 0/1 series (enforced, postwar) need only their ones counted.
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
            for (int start = 0; start < values.Length; start += MomentRuns)
            {
                var slice = values.Slice(start, Math.Min(MomentRuns, values.Length - start));
                if (cell < firstMetric)
                {
                    // Series values are never NaN; only censored metrics need the NaN-skipping path.
                    _block.AddManyFinite(cell, slice);
                }
                else
                {
                    _block.AddMany(cell, slice);
                }
            }
        }
        _slot = 0;
    }
}
