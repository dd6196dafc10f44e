using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("voi", HelpText = "Value of information: which uncertain input, and which planned observation, would most narrow the forecast of a metric (and, with policies, the choice).")]
internal sealed class VoiOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file.")]
    public string Scenario { get; set; } = "";

    [Option("metric", HelpText = "The forecast to narrow (default remittances_usd).")]
    public string? Metric { get; set; }

    [Option("plan", HelpText = "Planned observations (CSV: series,period,error_kind,error,note), e.g. data/planned/monitoring-options.csv.")]
    public string? Plan { get; set; }
}
