using System.Runtime.CompilerServices;
using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Core.MonteCarlo;

/// <summary>Feeds a run's outputs into a worker's summaries and, when runs are saved, its row of the run table.</summary>
internal struct SummarySink : IRunSink
{
    private readonly SummaryAccumulator _accumulator;
    private readonly double[]? _table;
    private readonly int _offset;
    private readonly double[]? _paths;
    private readonly int _pathOffset;

    public SummarySink(SummaryAccumulator accumulator, double[]? table, int offset, double[]? paths = null, int pathOffset = 0)
    {
        _accumulator = accumulator;
        _table = table;
        _offset = offset;
        _paths = paths;
        _pathOffset = pathOffset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Month(int month, ReadOnlySpan<double> values)
    {
        _accumulator.AddMonth(month, values);
        if (_paths is not null)
        {
            values.CopyTo(_paths.AsSpan(_pathOffset + month * values.Length, values.Length));
        }
    }

    /// <summary>The metrics of the run, once it has ended.</summary>
    public RunOutcome Outcome { get; private set; }

    public void End(in RunOutcome outcome)
    {
        Outcome = outcome;
        _accumulator.AddRun(outcome);
        if (_table is null)
        {
            return;
        }
        Span<double> row = _table.AsSpan(_offset, OutputCatalogue.MetricCount);
        for (int m = 0; m < row.Length; m++)
        {
            row[m] = outcome[(Metric)m];
        }
    }
}
