using System.Runtime.ExceptionServices;

namespace Simulation.Plotting;

/// <summary>Renders independent charts on all cores, failing as a sequential loop would.</summary>
public static class ParallelRendering
{
    /// <summary>
    /// Runs <paramref name="render"/> for 0 .. <paramref name="count"/> - 1 in parallel. A failure surfaces as its own
    /// exception (an <see cref="IOException"/> stays one, so a full disk is reported as such), not as an
    /// <see cref="AggregateException"/>.
    /// </summary>
    public static void For(int count, Action<int> render)
    {
        try
        {
            Parallel.For(0, count, render);
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
        }
    }
}
