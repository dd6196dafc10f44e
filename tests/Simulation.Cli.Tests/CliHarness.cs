using Simulation.Cli;
using Simulation.Testing;

namespace Simulation.Cli.Tests;

/// <summary>Runs laborsim's command line in-process, capturing standard output and error.</summary>
internal static class CliHarness
{
    public static string Scenario(string name) => Path.Combine(TestScenarios.RepositoryRoot, "scenarios", name + ".yaml");

    public static string Baseline => Scenario("donbas-baseline");

    /// <summary>The built laborsim, run as its own process.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "laborsim.dll");

    /// <summary>Runs laborsim as a process in <paramref name="workingDirectory"/>, where its default output folders (out/...) go.</summary>
    public static (int Code, string Out, string Error) RunIn(string workingDirectory, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, new Terminal(output, error, ErrorIsTerminal: false), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
