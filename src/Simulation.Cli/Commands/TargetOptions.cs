using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("target", HelpText = "The weakest setting of a lever (or, for two, the frontier) that keeps P(CONDITION) at most a bound.")]
internal sealed class TargetOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file whose levers: include the lever(s) searched.")]
    public string Scenario { get; set; } = "";

    [Option("lever", Required = true, HelpText = "Lever to search (a key of levers: with min and max); twice for a frontier of two.")]
    public IEnumerable<string> Levers { get; set; } = [];

    [Option("where", Required = true, HelpText = "The outcome to keep rare, e.g. \"remittances_usd > 5e8\".")]
    public string Where { get; set; } = "";

    [Option("at-most", Required = true, HelpText = "The bound on P(CONDITION), e.g. 0.1.")]
    public double AtMost { get; set; }

    [Option("confidence", HelpText = "Confidence of the one-sided upper Clopper-Pearson bound that judges P (default 0.95).")]
    public double? Confidence { get; set; }

    [Option("tolerance", HelpText = "Width of the final bracket, in the lever's units (default 1% of its range).")]
    public double? Tolerance { get; set; }

    [Option("grid", HelpText = "Points of the coarse grid that checks monotonicity (default 9).")]
    public int? Grid { get; set; }

    [Option("from", HelpText = "Month (YYYY-MM) the lever takes each searched value from; the months before keep the scenario's values (default: the whole horizon).")]
    public string? From { get; set; }

    [Option("strongest-is-lower", HelpText = "Smaller values of the lever are the stronger ones (e.g. a channel's openness).")]
    public bool StrongestIsLower { get; set; }
}
