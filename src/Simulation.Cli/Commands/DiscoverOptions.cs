using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("discover", HelpText = "Scenario discovery (PRIM): which ranges of the uncertain inputs concentrate the runs meeting a condition.")]
internal sealed class DiscoverOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml|FOLDER", Required = true, HelpText = "Scenario file to run, or an output folder of 'laborsim run --save-runs' (its runs.csv).")]
    public string Source { get; set; } = "";

    [Option("where", Required = true, HelpText = "Condition on the metrics: METRIC OP VALUE (OP >, >=, <, <=) joined by 'and', e.g. \"remittances_usd > 1e9\".")]
    public string Where { get; set; } = "";

    [Option("box", HelpText = "Show step K of the peeling trajectory instead of the balanced one (see prim_trajectory.csv).")]
    public int? Box { get; set; }

    [Option("peel-alpha", HelpText = "Share of the box's runs each peel removes (default 0.05).")]
    public double? PeelAlpha { get; set; }

    [Option("paste-alpha", HelpText = "Share of the runs beyond a face each paste brings back (default 0.05).")]
    public double? PasteAlpha { get; set; }

    [Option("mass-min", HelpText = "Smallest share of all runs a box may hold (default 0.05).")]
    public double? MassMin { get; set; }
}
