using Simulation.Core.Catalogue;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>
/// Counts, as the model runs, how often a channel's stock at the start of a month (the n of its binomial returns)
/// equals the previous month's while workers are abroad: the premise of the lever "table inversion keyed by n".
/// </summary>
internal struct StockRepeatCensus : IRunSink
{
    private const int MaxChannels = 8;
    private readonly int _channels;
    private readonly double[] _previous;
    private readonly double[] _beforePrevious;

    public long BusyChannelMonths;
    public long Repeats;

    public StockRepeatCensus(int channels)
    {
        _channels = Math.Min(channels, MaxChannels);
        _previous = new double[MaxChannels];
        _beforePrevious = new double[MaxChannels];
        BusyChannelMonths = 0;
        Repeats = 0;
    }

    public void Month(int month, ReadOnlySpan<double> values)
    {
        for (int c = 0; c < _channels; c++)
        {
            double stock = _channels == 1 ? values[(int)Series.Workers] : values[OutputCatalogue.SeriesCount + 2 * c];
            // Month t's returns are drawn from the stock left at the end of t - 1; the draw before, from t - 2.
            if (month >= 2 && _previous[c] > 0)
            {
                BusyChannelMonths++;
                if (_previous[c] == _beforePrevious[c])
                {
                    Repeats++;
                }
            }
            _beforePrevious[c] = _previous[c];
            _previous[c] = stock;
        }
    }

    public void End(in RunOutcome outcome)
    {
        Array.Clear(_previous);
        Array.Clear(_beforePrevious);
    }
}
