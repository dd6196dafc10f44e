using CommandLine;
using Simulation.Core.Catalogue;

namespace Simulation.Cli.Commands;

[Verb("sweep", HelpText = "Run a scenario over a grid of one or two levers with common random numbers.")]
internal sealed class SweepOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file.")]
    public string Scenario { get; set; } = "";

    [Option("over", Required = true, HelpText = "Lever and values: --over key.path=START:STOP:COUNT (once or twice for a grid).")]
    public IEnumerable<string> Over { get; set; } = [];

    [Option("metric", HelpText = "Metric to plot (repeatable; default peak_workers and remittances_usd), or a probability over all runs: enforced_by_horizon, ceasefire_by_horizon. The CSV has every metric.")]
    public IEnumerable<string> Metrics { get; set; } = [];
}
