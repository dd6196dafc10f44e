using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("calibrate", HelpText = "Fit a scenario's uncertain inputs (its priors) to observed series by approximate Bayesian computation.")]
internal sealed class CalibrateOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, Min = 1, HelpText = "Scenario file; its uncertain inputs are the priors. Two or more: model choice among them (ABC-SMC).")]
    public IEnumerable<string> Scenarios { get; set; } = [];

    [Option("observed", HelpText = "Observation file (series,period,value,error_kind,error,source,note). Repeatable; at least one.")]
    public IEnumerable<string> Observed { get; set; } = [];

    [Option("method", Default = "abc-smc", HelpText = "abc-smc (sequential Monte Carlo ABC), rejection, or history-matching (the region the observations do not rule out).")]
    public string Method { get; set; } = "abc-smc";

    [Option("particles", HelpText = "Particles in the posterior (default 1,000).")]
    public int? Particles { get; set; }

    [Option("quantile", HelpText = "With --method rejection: the share of prior candidates kept (default 0.01).")]
    public double? Quantile { get; set; }

    [Option("min-acceptance", HelpText = "With abc-smc: stop when a generation accepts fewer than this share of candidates (default 0.01).")]
    public double? MinAcceptance { get; set; }

    [Option("max-generations", HelpText = "With abc-smc: stop after this many generations (default 20).")]
    public int? MaxGenerations { get; set; }

    [Option("history-match", HelpText = "With abc-smc or rejection: history-match first, then start ABC from the region not ruled out (the prior restricted to it).")]
    public bool HistoryMatch { get; set; }

    [Option("candidates", HelpText = "With history-matching or --history-match: candidates per wave (default 2,000).")]
    public int? Candidates { get; set; }

    [Option("replicates", HelpText = "With history-matching or --history-match: model runs per candidate, for its mean and the model's own variance (default 10).")]
    public int? Replicates { get; set; }

    [Option("cutoff", HelpText = "With history-matching or --history-match: the largest implausibility not ruled out (default 3).")]
    public double? Cutoff { get; set; }

    [Option("discrepancy", HelpText = "With history-matching or --history-match: the model discrepancy's sd as a share of each observed value (default 0).")]
    public double? Discrepancy { get; set; }

    [Option("waves", HelpText = "With history-matching or --history-match: most waves (default 5).")]
    public int? Waves { get; set; }

    [Option("model-prior", HelpText = "With several scenarios: their prior probabilities, comma-separated in order (default equal).")]
    public string? ModelPrior { get; set; }
}
