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
            var scenarioFiles = options.Scenarios.ToList();
            var loadedAll = scenarioFiles.Select(file => ScenarioArguments.Load(options, file, problems)).ToList();
            var loaded = loadedAll[0];
            bool choosing = scenarioFiles.Count > 1;
            var method = OptionText.Choice("method", options.Method, ["abc-smc", "rejection", "history-matching"], problems);
            if (choosing && method is "rejection" or "history-matching")
            {
                problems.Option($"--method {method}", "model choice among several scenarios uses ABC-SMC; give one scenario for rejection ABC or history matching");
            }
            var modelPrior = OptionText.ModelPrior(options.ModelPrior, scenarioFiles.Count, problems);
            if (!choosing && options.ModelPrior is not null)
            {
                problems.Option("--model-prior", "goes with several scenarios (model choice); one scenario has probability 1");
            }
            bool rejection = method == "rejection";
            bool matching = method == "history-matching";
            if (options.HistoryMatch && (matching || choosing))
            {
                problems.Option("--history-match", matching
                    ? "starts ABC from the region history matching leaves; --method history-matching already stops there (drop one of them)"
                    : "goes with one scenario; model choice among several starts each from its whole prior");
            }
            if (!matching && !options.HistoryMatch && (options.Candidates ?? options.Replicates ?? options.Cutoff ?? options.Discrepancy ?? (object?)options.Waves) is not null)
            {
                problems.Option(HistoryMatchingOnly(options), "goes with --method history-matching or --history-match");
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
            if (loadedAll.Any(l => l is null))
            {
                return null;
            }
            var scenario = loaded!.Scenario!;
            var fileProblems = new ProblemList();
            var observations = ObservationReader.ReadFiles(files, scenario, fileProblems) ?? [];
            // Every model must report the observed series over the observed periods.
            foreach (var other in loadedAll.Skip(1))
            {
                ObservationReader.ReadFiles(files, other!.Scenario!, fileProblems);
            }
            problems.Add(fileProblems.Items.Distinct());
            if (problems.Count > 0)
            {
                return null;
            }
            var matchOptions = new HistoryMatchOptions
            {
                Candidates = options.Candidates ?? 2000,
                Replicates = options.Replicates ?? 10,
                Cutoff = options.Cutoff ?? 3,
                Discrepancy = options.Discrepancy ?? 0,
                MaxWaves = options.Waves ?? 5,
                Seed = scenario.Seed,
            };
            if (matching)
            {
                var match = new HistoryMatchRequest(scenario, observations, matchOptions);
                return new HistoryMatchPlan(match, files)
                {
                    OutPath = options.Out ?? HistoryMatchPlan.DefaultOutput(match, [.. options.Set]),
                    Force = options.Force,
                    Plots = !options.NoPlots,
                    Source = scenarioFiles[0],
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
            if (choosing)
            {
                var choice = new ModelChoiceRequest([.. loadedAll.Select(l => l!.Scenario!)], observations, abc, modelPrior ?? [.. scenarioFiles.Select(_ => 1.0)])
                {
                    PredictiveRuns = options.Runs is not null ? scenario.Runs : Math.Min(scenario.Runs, CalibrationRequest.DefaultPredictiveRuns),
                };
                return new ModelChoicePlan(choice, [.. loadedAll.Select(l => l!.Document!)], files)
                {
                    OutPath = options.Out ?? ModelChoicePlan.DefaultOutput(choice, [.. options.Set]),
                    Force = options.Force,
                    Plots = !options.NoPlots,
                    Source = scenarioFiles[0],
                };
            }
            var request = new CalibrationRequest(scenario, observations, abc)
            {
                HistoryMatch = options.HistoryMatch ? matchOptions : null,
                PredictiveRuns = options.Runs is not null ? scenario.Runs : Math.Min(scenario.Runs, CalibrationRequest.DefaultPredictiveRuns),
            };
            return new CalibratePlan(request, loaded.Document!, files)
            {
                OutPath = options.Out ?? CalibratePlan.DefaultOutput(request, [.. options.Set]),
                Force = options.Force,
                Plots = !options.NoPlots,
                Source = scenarioFiles[0],
            };
        });

    private static string HistoryMatchingOnly(CalibrateOptions options) =>
        options.Candidates is not null ? "--candidates" : options.Replicates is not null ? "--replicates" : options.Cutoff is not null ? "--cutoff" : options.Discrepancy is not null ? "--discrepancy" : "--waves";
}
