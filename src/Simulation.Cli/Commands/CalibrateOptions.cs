using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("calibrate", HelpText = "Fit a scenario's uncertain inputs (its priors) to observed series by approximate Bayesian computation.")]
internal sealed class CalibrateOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file; its uncertain inputs are the priors.")]
    public string Scenario { get; set; } = "";

    [Option("observed", HelpText = "Observation file (series,period,value,error_kind,error,source,note). Repeatable; at least one.")]
    public IEnumerable<string> Observed { get; set; } = [];

    [Option("method", Default = "abc-smc", HelpText = "abc-smc (sequential Monte Carlo ABC) or rejection.")]
    public string Method { get; set; } = "abc-smc";

    [Option("particles", HelpText = "Particles in the posterior (default 1,000).")]
    public int? Particles { get; set; }

    [Option("quantile", HelpText = "With --method rejection: the share of prior candidates kept (default 0.01).")]
    public double? Quantile { get; set; }

    [Option("min-acceptance", HelpText = "With abc-smc: stop when a generation accepts fewer than this share of candidates (default 0.01).")]
    public double? MinAcceptance { get; set; }

    [Option("max-generations", HelpText = "With abc-smc: stop after this many generations (default 20).")]
    public int? MaxGenerations { get; set; }
}
