using Simulation.Application.Plans;
using Simulation.Core.Requests;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim calibrate</c>: observation files and options to a <see cref="CalibrationRequest"/> and its plan (docs/calibration.md).</summary>
internal static class CalibrateCommand
{
    public static int Execute(CalibrateOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var loaded = options.Scenarios.Select(file => ScenarioArguments.Load(options, file, problems)).ToList();
            var settings = new CalibrateSettings
            {
                ScenarioFiles = [.. options.Scenarios],
                ObservationFiles = [.. options.Observed],
                Method = options.Method,
                Particles = options.Particles,
                Quantile = options.Quantile,
                MinAcceptance = options.MinAcceptance,
                MaxGenerations = options.MaxGenerations,
                HistoryMatch = options.HistoryMatch,
                Candidates = options.Candidates,
                Replicates = options.Replicates,
                Cutoff = options.Cutoff,
                Discrepancy = options.Discrepancy,
                Waves = options.Waves,
                ModelPrior = options.ModelPrior,
                RunsGiven = options.Runs is not null,
                ThresholdsGiven = options.Threshold.Any(),
                Assignments = [.. options.Set],
                Out = options.Out,
                Force = options.Force,
                Plots = !options.NoPlots,
            };
            return CalibratePlanner.Plan(settings, loaded, problems);
        });
}
