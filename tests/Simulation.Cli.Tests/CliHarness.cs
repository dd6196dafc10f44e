using Simulation.Cli;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

/// <summary>Runs laborsim's command line in-process, capturing standard output and error.</summary>
internal static class CliHarness
{
    public static string Scenario(string name) => Path.Combine(TestScenarios.RepositoryRoot, "scenarios", name + ".yaml");

    public static string Baseline => Scenario("donbas-baseline");

    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new Terminal(output, error, ErrorIsTerminal: false), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
