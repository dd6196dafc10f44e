namespace Simulation.Core.Model;

/// <summary>
/// The scalar parameters in force in a month, refreshed from a run's slots when the timeline changes one; kept apart
/// from the monthly loop so that the loop stays small enough for the JIT to keep its samplers inlined.
/// </summary>
internal struct MonthParameters
{
    public double WartimeDemand;
    public double PeakDemand;
    public double RampMonths;
    public double DispatchLimit;
    public double Pool;
    public double DepartureCapacity;
    public double Wage;
    public double FxDrift;
    public double FxVolatility;
    public double StateShare;
    public double BaseHazard;
    public double HazardPerWorker;
    public double Deterrence;
    public double ChannelCost;
    public double DeathRate;
    public double DesertionRate;
    public double WithheldPerMonth;
    public double ForfeitOnForcedExit;
    public double SettlementDeduction;
    public double DeliveredShare;
}
