using CommandLine;

namespace Simulation.Cli.Commands;

/// <summary>Options every command that runs scenarios shares.</summary>
internal abstract class ScenarioOptions
{
    [Option("runs", HelpText = "Monte Carlo runs (overrides the file).")]
    public string? Runs { get; set; }

    [Option("seed", HelpText = "Random seed, any 64-bit integer (overrides the file).")]
    public string? Seed { get; set; }

    [Option("months", HelpText = "Horizon in months, 1..1200 (overrides the file).")]
    public string? Months { get; set; }

    [Option("set", HelpText = "Override a key: --set key.path=VALUE, VALUE a number or {dist: ...}. Repeatable.")]
    public IEnumerable<string> Set { get; set; } = [];

    [Option("threshold", HelpText = "Also report P(METRIC > VALUE) with its standard error: --threshold remittances_usd=1e9. Repeatable.")]
    public IEnumerable<string> Threshold { get; set; } = [];

    [Option("policy", HelpText = "Run under this policy of the scenario's policies: (as the file's 'policy:' key would).")]
    public string? Policy { get; set; }

    [Option("out", HelpText = "Output folder.")]
    public string? Out { get; set; }

    [Option("strict", HelpText = "Refuse a correlations: matrix that is not valid instead of repairing it to the nearest valid one.")]
    public bool Strict { get; set; }

    [Option("threads", HelpText = "Worker threads (default: all cores). Results do not depend on it.")]
    public int? Threads { get; set; }

    [Option("no-plots", HelpText = "Skip the PNG charts.")]
    public bool NoPlots { get; set; }

    [Option("force", HelpText = "Replace an existing laborsim output folder.")]
    public bool Force { get; set; }

    [Option("quiet", HelpText = "No progress output.")]
    public bool Quiet { get; set; }

    /// <summary>Positional arguments after the scenario file: refused, never silently ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];
}
