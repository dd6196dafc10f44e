using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("merge", HelpText = "Join the shards of a run into its normal output folder.")]
internal sealed class MergeOptions
{
    [Value(0, MetaName = "SHARD_DIR...", Required = true, HelpText = "Shard folders (or a folder holding them), in any order.")]
    public IEnumerable<string> Shards { get; set; } = [];

    [Option("out", HelpText = "Output folder (default out/<scenario>).")]
    public string? Out { get; set; }

    [Option("force", HelpText = "Replace an existing laborsim output folder.")]
    public bool Force { get; set; }

    [Option("threshold", HelpText = "Also report P(METRIC > VALUE) with its standard error: --threshold remittances_usd=1e9. Repeatable.")]
    public IEnumerable<string> Threshold { get; set; } = [];

    [Option("no-plots", HelpText = "Skip the PNG charts.")]
    public bool NoPlots { get; set; }

    [Option("quiet", HelpText = "No progress output.")]
    public bool Quiet { get; set; }
}
