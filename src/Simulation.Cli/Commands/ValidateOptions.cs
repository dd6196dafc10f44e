using CommandLine;

namespace Simulation.Cli.Commands;

[Verb("validate", HelpText = "Check scenario files without running them, or print every key's default.")]
internal sealed class ValidateOptions
{
    [Value(0, MetaName = "SCENARIO.yaml", HelpText = "Scenario files to check.")]
    public IEnumerable<string> Scenarios { get; set; } = [];

    [Option("defaults", HelpText = "Print every key with its default and unit.")]
    public bool Defaults { get; set; }

    [Option("schema", HelpText = "Print the JSON Schema of scenario files (docs/scenario.schema.json), for editors.")]
    public bool Schema { get; set; }
}
