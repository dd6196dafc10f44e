using Simulation.Core.Catalogue;
namespace Simulation.Core.Model;

/// <summary>
/// Receives a run's outputs as the model produces them. Implement it on a struct: the model is generic over
/// the sink, so the JIT specialises the loop for each sink and the calls are direct, not virtual.
/// </summary>
public interface IRunSink
{
    /// <summary>Month <paramref name="month"/> is done; <paramref name="values"/> holds every series, indexed by <c>(int)Series</c>.</summary>
    void Month(int month, ReadOnlySpan<double> values);

    /// <summary>The run is done.</summary>
    void End(in RunOutcome outcome);
}
