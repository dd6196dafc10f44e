using Simulation.IO.Output;
using Simulation.IO.Scenarios;

namespace Simulation.Cli;

/// <summary>Refuses, before anything runs, an output folder that would overwrite something.</summary>
internal static class OutputTargets
{
    public static bool Refused(string outPath, bool force, Terminal terminal)
    {
        string? refusal = OutputFolder.Refusal(outPath, force);
        if (refusal is null)
        {
            return false;
        }
        ProblemPrinter.Print(terminal, [new ScenarioProblem(new("--out", 0, 0), "", refusal)], "nothing was run");
        return true;
    }
}
