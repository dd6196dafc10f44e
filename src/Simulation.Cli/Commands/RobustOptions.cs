using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("robust", HelpText = "Run every policy of a scenario on the same futures: which holds up, by several criteria, and which futures break each.")]
internal sealed class RobustOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file with levers: and policies:.")]
    public string Scenario { get; set; } = "";

    [Option("measure", HelpText = "Outcome to judge by (repeatable; default remittances_usd, peak_workers, enforced_by_horizon).")]
    public IEnumerable<string> Measures { get; set; } = [];

    [Option("satisfice", HelpText = "Condition a policy should meet in a future, e.g. \"remittances_usd < 5e8\": the share of futures meeting it, and where it fails.")]
    public string? Satisfice { get; set; }

    [Option("regret", HelpText = "A policy fails in a future where its regret on the first measure exceeds this: where it fails (instead of --satisfice).")]
    public double? Regret { get; set; }

    [Option("hurwicz", HelpText = "Hurwicz's weight on the worst outcome, 0 to 1 (default 0.5).")]
    public double? Hurwicz { get; set; }

    [Option("shard", HelpText = "Run only shard I of N (I from 0) of the futures; join shards with 'laborsim merge'.")]
    public string? Shard { get; set; }
}
