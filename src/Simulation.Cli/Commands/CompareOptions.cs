using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("compare", HelpText = "Run scenarios side by side with common random numbers and compare their metrics.")]
internal sealed class CompareOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml...", Required = true, HelpText = "Two or more scenario files; differences are against the first.")]
    public IEnumerable<string> Scenarios { get; set; } = [];

    [Option("independent", HelpText = "Give each scenario independent random streams instead of common ones (to see what common random numbers save).")]
    public bool Independent { get; set; }
}
