using Simulation.Core.Distributions;

namespace Simulation.Core.Model;

/// <summary>Wages, the state's cut and the exchange rate (docs/model.md, steps 12 and 13).</summary>
/// <param name="WagePerMonth">Host-currency wage per worker per month (&gt;= 0).</param>
/// <param name="CurrencyPerUsd">Host currency units per USD at month 0 (&gt; 0).</param>
/// <param name="FxDriftPerMonth">Drift of ln(currency per USD) per month.</param>
/// <param name="FxVolatilityPerMonth">Standard deviation of the monthly change of ln(currency per USD) (&gt;= 0).</param>
/// <param name="StateShare">Share of wages the sending state takes, in [0, 1].</param>
public sealed record PayAssumptions(
    InputDistribution WagePerMonth,
    InputDistribution CurrencyPerUsd,
    InputDistribution FxDriftPerMonth,
    InputDistribution FxVolatilityPerMonth,
    InputDistribution StateShare)
{
    /// <summary>USD per worker-month held back until a normal return (model version 3); 0 withholds nothing.</summary>
    public InputDistribution WithheldPerMonth { get; init; } = InputDistribution.Fixed(0);

    /// <summary>Share of a leaver's arrears forfeited when the exit is forced (expulsion, forced exit, death, desertion).</summary>
    public InputDistribution ForfeitOnForcedExit { get; init; } = InputDistribution.Fixed(1);

    /// <summary>Share cut from arrears when they are paid out.</summary>
    public InputDistribution SettlementDeduction { get; init; } = InputDistribution.Fixed(0);
}
