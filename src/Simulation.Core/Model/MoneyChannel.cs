using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>
/// A way the state's revenue reaches it (docs/model.md, "Money channels", model version 3): correspondent banks,
/// cash couriers, payment in kind. Its share of the revenue arrives less its fee while it is open; a closed channel's
/// share moves to <paramref name="SubstituteTo"/> (less that channel's fee), or is lost.
/// </summary>
/// <param name="Name">Letters, digits and '_'.</param>
/// <param name="Share">Weight in the revenue (weights are normalised each month).</param>
/// <param name="Fee">Share lost on the way.</param>
/// <param name="Open">1 open, 0 closed; between, that share of its revenue is blocked.</param>
/// <param name="SubstituteTo">The channel that takes a closed channel's share, or null.</param>
/// <param name="InKind">True for channels financial designations do not reach (oil, food): documentation and a report column only.</param>
public sealed record MoneyChannel(string Name, InputDistribution Share, InputDistribution Fee, InputDistribution Open, string? SubstituteTo, bool InKind);
