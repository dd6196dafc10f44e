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
}
