namespace Simulation.Core.Model;

/// <summary>A month's flows summed over channels, as the run reports them.</summary>
internal struct MonthFlows
{
    public long Arrivals;
    public long Returns;
    public long Forced;
    public long Expelled;
    public long Deaths;
    public long Desertions;
}
