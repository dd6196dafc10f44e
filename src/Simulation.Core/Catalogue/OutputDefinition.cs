namespace Simulation.Core.Catalogue;

/// <summary>
/// One output of the model (a monthly series or a per-run metric) as the catalogue declares it.
/// </summary>
/// <param name="Name">The contract's key in CSV and JSON, e.g. "cumulative_remittances_usd".</param>
/// <param name="Unit">Unit in words, e.g. "USD / month".</param>
/// <param name="Kind">Stock, flow, 0/1, money, count or month index.</param>
/// <param name="Censored">True for metrics that are absent in runs where their event never happened.</param>
/// <param name="Title">Chart title in plain words, e.g. "Workers abroad at month end".</param>
/// <param name="Label">A few words for tables and headlines, e.g. "workers abroad".</param>
public sealed record OutputDefinition(string Name, string Unit, OutputKind Kind, bool Censored, string Title, string Label)
{
    /// <summary>What a chart's value axis says of it ("USD per month", "peak workers abroad"); its unit unless the catalogue says otherwise.</summary>
    public string Axis { get; init; } = Unit;

    /// <summary>Which way the output is better for the policy questions (robust, target); lower unless the catalogue says otherwise.</summary>
    public Goal Goal { get; init; } = Goal.Minimise;

    /// <summary>True for a balance read at the end of a period rather than summed over it (a stock of money such as arrears).</summary>
    public bool IsBalance { get; init; }

    /// <summary>True for US dollar amounts.</summary>
    public bool IsMoney => Kind == OutputKind.Money;
}
