using Simulation.Core;
using Simulation.Core.MonteCarlo;
using Simulation.IO.Scenarios;
using Simulation.IO.Shards;

namespace Simulation.Cli.Commands;

internal static class MergeCommand
{
    public static int Execute(MergeOptions options, Terminal terminal)
    {
        var thresholdProblems = new List<ScenarioProblem>();
        var thresholds = ThresholdOption.Parse(options.Threshold, thresholdProblems);
        if (thresholdProblems.Count > 0)
        {
            ProblemPrinter.Print(terminal, thresholdProblems, "nothing was merged");
            return ExitCodes.BadInput;
        }
        ShardSet shards;
        try
        {
            shards = ShardSet.Load(ShardSet.Expand(options.Shards), EngineInfo.Version);
        }
        catch (ShardFormatException exception)
        {
            foreach (string line in exception.Message.Split('\n'))
            {
                terminal.Error.WriteLine(line);
            }
            terminal.Error.WriteLine("Nothing was merged.");
            return ExitCodes.BadInput;
        }
        var loaded = ScenarioReader.LoadFile(shards.ScenarioFile);
        if (!loaded.IsValid || loaded.Document is null)
        {
            ProblemPrinter.Print(terminal, loaded.Problems, "nothing was merged");
            return ExitCodes.BadInput;
        }
        if (ScenarioFingerprint.Of(loaded.Document) != shards.Manifests[0].Fingerprint)
        {
            terminal.Error.WriteLine($"{shards.ScenarioFile}: does not match the fingerprint in shard.json (was it edited?); nothing was merged.");
            return ExitCodes.BadInput;
        }
        string outPath = options.Out ?? Path.Combine("out", loaded.Scenario!.Name);
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        var result = MonteCarloRunner.Complete(loaded.Scenario!, shards.Combined, TimeSpan.FromSeconds(shards.ElapsedSeconds));
        RunOutputs.Write(result, loaded.Document, outPath, options.NoPlots, thresholds: thresholds, force: options.Force);
        if (!options.Quiet)
        {
            terminal.Out.WriteLine($"merged {shards.Manifests.Count} shards");
            RunOutputs.PrintHeadline(result, outPath, terminal, thresholds);
        }
        return ExitCodes.Ok;
    }
}
