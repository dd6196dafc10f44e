using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// One legal cover under which workers are abroad (docs/model.md, "Channels"): work permits, student visas, a state
/// contingent, or any name the scenario gives.
/// </summary>
/// <param name="Name">Letters, digits and '_'.</param>
/// <param name="Share">Weight of intended dispatch sent through this channel, in [0, 1]; weights are normalised to sum 1 at every month.</param>
/// <param name="ContractMonths">Mean stay in months (&gt;= 1); null takes <c>contract.mean_months</c>, including its timeline changes.</param>
/// <param name="Open">1 = new arrivals allowed, 0 = closed (a freeze); values between block that share of the channel's dispatch.</param>
/// <param name="SubstituteTo">The channel that receives the dispatch blocked while this one is closed, or null.</param>
/// <param name="Substitution">Share of the blocked dispatch that reappears in <paramref name="SubstituteTo"/>, in [0, 1].</param>
/// <param name="Visibility">Weight of this channel's workers in the enforcement hazard and multiplier of the expel fraction (&gt;= 0).</param>
/// <param name="Fee">Share of this channel's remittances lost on the way (institution fees, couriers), in [0, 1].</param>
public sealed record ChannelAssumptions(
    string Name,
    InputDistribution Share,
    InputDistribution? ContractMonths,
    InputDistribution Open,
    string? SubstituteTo,
    InputDistribution Substitution,
    InputDistribution Visibility,
    InputDistribution Fee);
