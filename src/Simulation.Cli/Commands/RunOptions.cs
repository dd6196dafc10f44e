using CommandLine;
using Simulation.Core.Catalogue;

namespace Simulation.Cli.Commands;

[Verb("run", HelpText = "Run a scenario and write its output folder.")]
internal sealed class RunOptions : ScenarioOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "Scenario file to run.")]
    public string Scenario { get; set; } = "";

    [Option("save-runs", HelpText = "Also write runs.csv with every run's inputs and metrics.")]
    public bool SaveRuns { get; set; }

    [Option("precision", HelpText = "Stop once the 95% interval's half-width of --precision-metric is at most this (relative for a metric, absolute for a probability).")]
    public double? Precision { get; set; }

    [Option("precision-metric", HelpText = "Metric (e.g. peak_workers) or probability (enforced_by_horizon, ceasefire_by_horizon) that --precision applies to (default remittances_usd).")]
    public string? PrecisionMetric { get; set; }

    [Option("paths", HelpText = "Keep N whole runs (runs 0 to N-1, at most 1,000) month by month: paths.csv and charts of single futures over the bands.")]
    public int? Paths { get; set; }

    [Option("keep-partial", HelpText = "If interrupted, write the output of the runs completed so far, flagged \"partial\": true.")]
    public bool KeepPartial { get; set; }

    [Option("checkpoint", HelpText = "Save completed blocks of runs to this folder every few seconds, so that --resume can finish an interrupted run.")]
    public string? Checkpoint { get; set; }

    [Option("resume", HelpText = "Finish the run saved in this checkpoint folder (same scenario and options); keeps checkpointing there.")]
    public string? Resume { get; set; }

    [Option("shard", HelpText = "Run only shard I of N (I from 0) and write its mergeable state; join shards with 'laborsim merge'.")]
    public string? Shard { get; set; }

    [Option("max-runs", HelpText = "With --precision: the most runs to make (default 10,000,000).")]
    public long? MaxRuns { get; set; }
}
