using Simulation.IO.Scenarios;

namespace Simulation.Cli;

internal static class ProblemPrinter
{
    public static void Print(Terminal terminal, IReadOnlyList<ScenarioProblem> problems, string consequence)
    {
        foreach (var problem in problems)
        {
            terminal.Error.WriteLine(problem.ToString());
        }
        string count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        terminal.Error.WriteLine($"{count}; {consequence}.");
    }

    /// <summary>Warnings: the scenario runs, but probably not as meant.</summary>
    public static void Warn(Terminal terminal, IReadOnlyList<ScenarioProblem> warnings)
    {
        foreach (var warning in warnings)
        {
            string where = warning.KeyPath.Length > 0 ? $"{warning.Position}: {warning.KeyPath}" : warning.Position.ToString();
            terminal.Error.WriteLine($"{where}: warning: {warning.Message}");
        }
    }
}
