using Simulation.Core.Random;
using Simulation.Core.Sampling;

namespace Simulation.Core.Model;

/// <summary>
/// One channel of one run (docs/model.md, "Channels"): its stock and this month's flows, its parameters in force, and its
/// random streams with the samplers' setups. A run with one channel keeps it in a local, so the monthly loop addresses
/// it like plain locals; several channels live in a stack-allocated span.
/// </summary>
internal struct ChannelState
{
    public long Stock;
    public double Intended;
    public long Arrivals;
    public long Returns;
    public long Forced;

    /// <summary>The stock at the start of the month, kept only where contingents are paid for (model version 3).</summary>
    public long Start;

    /// <summary>Share of intended dispatch (normalised), open, monthly exit probability, substitution, visibility, expel probability, 1 - fee.</summary>
    public double Share;
    public double Open;
    public double ReturnProbability;
    public double Substitution;
    public double Visibility;
    public double ExpelProbability;
    public double KeptAfterFee;

    /// <summary>Model version 3: the destination's weight in the split (normalised), its death rate, its wage, and the month's transfers.</summary>
    public double DestinationShare;
    public double DeathRate;
    public double Wage;
    public long MovedOut;
    public long MovedIn;

    public Xoshiro256StarStar ArrivalsRng;
    public Xoshiro256StarStar ReturnsRng;
    public Xoshiro256StarStar ExpulsionRng;
    public Xoshiro256StarStar ForcedRng;
    public Xoshiro256StarStar ConversionRng;
    public Xoshiro256StarStar DeathRng;
    public Xoshiro256StarStar DesertionRng;
    public Xoshiro256StarStar TransferRng;

    public PoissonSetup ArrivalsSetup;
    public BinomialSetup ReturnsSetup;
    public BinomialSetup ExpulsionSetup;
    public BinomialSetup ForcedSetup;
    public BinomialSetup DeathSetup;
    public BinomialSetup DesertionSetup;
    public BinomialSetup TransferSetup;
}
