using Simulation.Application.Inputs;
using Simulation.Application.Plans;
using Simulation.Core.Calibration;
using Simulation.Core.Requests;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim calibrate</c>: observation files and options to a <see cref="CalibrationRequest"/> and its plan (docs/calibration.md).</summary>
internal static class CalibrateCommand
{
    public static int Execute(CalibrateOptions options, Terminal terminal, CancellationToken cancellation) =>
        VerbPipeline.Execute(terminal, cancellation, options.Quiet, options.Threads, "nothing was run", problems =>
        {
            var loaded = ScenarioArguments.Load(options, options.Scenario, problems);
            var method = OptionText.Choice("method", options.Method, ["abc-smc", "rejection", "history-matching"], problems);
            bool rejection = method == "rejection";
            bool matching = method == "history-matching";
            if (!matching && (options.Candidates ?? options.Replicates ?? options.Cutoff ?? options.Discrepancy ?? (object?)options.Waves) is not null)
            {
                problems.Option(HistoryMatchingOnly(options), "goes with --method history-matching");
            }
            if (matching && (options.Particles ?? options.Quantile ?? options.MinAcceptance ?? (object?)options.MaxGenerations) is not null)
            {
                problems.Option(options.Particles is not null ? "--particles" : options.Quantile is not null ? "--quantile" : options.MinAcceptance is not null ? "--min-acceptance" : "--max-generations",
                    "goes with ABC (--method abc-smc or rejection); history matching takes --candidates, --replicates, --cutoff, --discrepancy and --waves");
            }
            if (options.Quantile is { } quantile && !rejection && !matching)
            {
                problems.Option($"--quantile {quantile.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "goes with --method rejection; ABC-SMC sets its tolerances itself");
            }
            if (rejection && !matching && (options.MinAcceptance ?? (object?)options.MaxGenerations) is not null)
            {
                problems.Option(options.MinAcceptance is not null ? "--min-acceptance" : "--max-generations", "goes with --method abc-smc; rejection ABC draws --particles / --quantile candidates once");
            }
            if (options.Threshold.Any())
            {
                problems.Option("--threshold", "gives probabilities of a run's outcomes; run the calibrated scenario with 'laborsim run calibrated.yaml --threshold ...'");
            }
            var files = options.Observed.ToList();
            if (files.Count == 0)
            {
                problems.Option("--observed", "is missing: name at least one observation file, e.g. --observed data/observed/russia-permits-2018-2020.csv");
            }
            if (loaded is null)
            {
                return null;
            }
            var scenario = loaded.Scenario!;
            var fileProblems = new ProblemList();
            var observations = ObservationReader.ReadFiles(files, scenario, fileProblems) ?? [];
            problems.Add(fileProblems.Items);
            if (problems.Count > 0)
            {
                return null;
            }
            if (matching)
            {
                var match = new HistoryMatchRequest(scenario, observations, new HistoryMatchOptions
                {
                    Candidates = options.Candidates ?? 2000,
                    Replicates = options.Replicates ?? 10,
                    Cutoff = options.Cutoff ?? 3,
                    Discrepancy = options.Discrepancy ?? 0,
                    MaxWaves = options.Waves ?? 5,
                    Seed = scenario.Seed,
                });
                return new HistoryMatchPlan(match, files)
                {
                    OutPath = options.Out ?? HistoryMatchPlan.DefaultOutput(match, [.. options.Set]),
                    Force = options.Force,
                    Plots = !options.NoPlots,
                    Source = options.Scenario,
                };
            }
            var abc = new AbcOptions
            {
                Particles = options.Particles ?? 1000,
                Method = rejection ? AbcMethod.Rejection : AbcMethod.Smc,
                Quantile = options.Quantile ?? 0.01,
                MinAcceptance = options.MinAcceptance ?? 0.01,
                MaxGenerations = options.MaxGenerations ?? 20,
                Seed = scenario.Seed,
            };
            var request = new CalibrationRequest(scenario, observations, abc)
            {
                PredictiveRuns = options.Runs is not null ? scenario.Runs : Math.Min(scenario.Runs, CalibrationRequest.DefaultPredictiveRuns),
            };
            return new CalibratePlan(request, loaded.Document!, files)
            {
                OutPath = options.Out ?? CalibratePlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = options.Scenario,
            };
        });

    private static string HistoryMatchingOnly(CalibrateOptions options) =>
        options.Candidates is not null ? "--candidates" : options.Replicates is not null ? "--replicates" : options.Cutoff is not null ? "--cutoff" : options.Discrepancy is not null ? "--discrepancy" : "--waves";
}
