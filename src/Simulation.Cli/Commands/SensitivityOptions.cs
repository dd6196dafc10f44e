using CommandLine;
using Simulation.Core.Catalogue;

namespace Simulation.Cli.Commands;

[Verb("sensitivity", HelpText = "Find which uncertain inputs drive the outcomes (tornado, or Sobol indices).")]
internal sealed class SensitivityOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file.")]
    public string Scenario { get; set; } = "";

    [Option("metric", HelpText = "Metric to analyse (repeatable; default peak_workers and remittances_usd).")]
    public IEnumerable<string> Metrics { get; set; } = [];

    [Option("method", Default = "tornado", HelpText = "tornado (rank correlation and decile swing from one run) or sobol (first-order and total indices).")]
    public string Method { get; set; } = "tornado";

    [Option("samples", HelpText = "With --method sobol: base samples N (default 4,096); the model runs N x (inputs + 3) times, N more where 'no ceasefire at all' is drawn.")]
    public int? Samples { get; set; }

    [Option("design", Default = "quasi-random", HelpText = "With --method sobol: quasi-random (Saltelli's design on Owen-scrambled Sobol' points, as SALib) or random (independent draws).")]
    public string Design { get; set; } = "quasi-random";

    [Option("bootstrap", HelpText = "With --method sobol --design random: bootstrap resamples for the confidence intervals (default 200); the quasi-random design takes its intervals from 8 independently scrambled blocks.")]
    public int? Bootstrap { get; set; }
}
