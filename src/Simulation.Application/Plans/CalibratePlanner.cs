using System.Globalization;
using Simulation.Application.Execution;
using Simulation.Application.Inputs;
using Simulation.Core.Calibration;
using Simulation.Core.Requests;
using Simulation.IO.Calibration;
using Simulation.IO.Scenarios;

namespace Simulation.Application.Plans;

/// <summary>
/// <c>laborsim calibrate</c>'s settings checked together (which options go with which method, one scenario or several)
/// and made into a calibration, history-matching or model-choice plan (docs/calibration.md).
/// </summary>
public static class CalibratePlanner
{
    /// <summary>
    /// The plan for <paramref name="settings"/> and the scenarios loaded from its files (null where one could not be);
    /// null, with the problems added, when they cannot run.
    /// </summary>
    public static VerbPlan? Plan(CalibrateSettings settings, IReadOnlyList<ScenarioLoadResult?> loadedAll, Problems problems)
    {
        var scenarioFiles = settings.ScenarioFiles;
        bool choosing = scenarioFiles.Count > 1;
        var method = OptionText.Choice("method", settings.Method, ["abc-smc", "rejection", "history-matching"], problems);
        if (choosing && method is "rejection" or "history-matching")
        {
            problems.Option($"--method {method}", "model choice among several scenarios uses ABC-SMC; give one scenario for rejection ABC or history matching");
        }
        var modelPrior = OptionText.ModelPrior(settings.ModelPrior, scenarioFiles.Count, problems);
        if (!choosing && settings.ModelPrior is not null)
        {
            problems.Option("--model-prior", "goes with several scenarios (model choice); one scenario has probability 1");
        }
        bool rejection = method == "rejection";
        bool matching = method == "history-matching";
        CheckMethodOptions(settings, choosing, rejection, matching, problems);
        if (settings.ThresholdsGiven)
        {
            problems.Option("--threshold", "gives probabilities of a run's outcomes; run the calibrated scenario with 'laborsim run calibrated.yaml --threshold ...'");
        }
        var files = settings.ObservationFiles;
        if (files.Count == 0)
        {
            problems.Option("--observed", "is missing: name at least one observation file, e.g. --observed data/observed/russia-permits-2018-2020.csv");
        }
        if (loadedAll.Any(l => l is null))
        {
            return null;
        }
        var loaded = loadedAll[0]!;
        var scenario = loaded.Scenario!;
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
            Candidates = settings.Candidates ?? 2000,
            Replicates = settings.Replicates ?? 10,
            Cutoff = settings.Cutoff ?? 3,
            Discrepancy = settings.Discrepancy ?? 0,
            MaxWaves = settings.Waves ?? 5,
            Seed = scenario.Seed,
        };
        if (matching)
        {
            var match = new HistoryMatchRequest(scenario, observations, matchOptions);
            return new HistoryMatchPlan(match, files)
            {
                OutPath = settings.Out ?? HistoryMatchPlan.DefaultOutput(match, settings.Assignments),
                Force = settings.Force,
                Plots = settings.Plots,
                Source = scenarioFiles[0],
            };
        }
        var abc = new AbcOptions
        {
            Particles = settings.Particles ?? 1000,
            Method = rejection ? AbcMethod.Rejection : AbcMethod.Smc,
            Quantile = settings.Quantile ?? 0.01,
            MinAcceptance = settings.MinAcceptance ?? 0.01,
            MaxGenerations = settings.MaxGenerations ?? 20,
            Seed = scenario.Seed,
        };
        var predictiveRuns = settings.RunsGiven ? scenario.Runs : Math.Min(scenario.Runs, CalibrationRequest.DefaultPredictiveRuns);
        if (choosing)
        {
            var choice = new ModelChoiceRequest([.. loadedAll.Select(l => l!.Scenario!)], observations, abc, modelPrior ?? [.. scenarioFiles.Select(_ => 1.0)])
            {
                PredictiveRuns = predictiveRuns,
            };
            return new ModelChoicePlan(choice, [.. loadedAll.Select(l => l!.Document!)], files)
            {
                OutPath = settings.Out ?? ModelChoicePlan.DefaultOutput(choice, settings.Assignments),
                Force = settings.Force,
                Plots = settings.Plots,
                Source = scenarioFiles[0],
            };
        }
        var request = new CalibrationRequest(scenario, observations, abc)
        {
            HistoryMatch = settings.HistoryMatch ? matchOptions : null,
            PredictiveRuns = predictiveRuns,
        };
        return new CalibratePlan(request, loaded.Document!, files)
        {
            OutPath = settings.Out ?? CalibratePlan.DefaultOutput(request, settings.Assignments),
            Force = settings.Force,
            Plots = settings.Plots,
            Source = scenarioFiles[0],
        };
    }

    /// <summary>Each method's own options, refused with any other method (naming the first one given).</summary>
    private static void CheckMethodOptions(CalibrateSettings settings, bool choosing, bool rejection, bool matching, Problems problems)
    {
        if (settings.HistoryMatch && (matching || choosing))
        {
            problems.Option("--history-match", matching
                ? "starts ABC from the region history matching leaves; --method history-matching already stops there (drop one of them)"
                : "goes with one scenario; model choice among several starts each from its whole prior");
        }
        string? matchingOption = settings.Candidates is not null ? "--candidates" : settings.Replicates is not null ? "--replicates"
            : settings.Cutoff is not null ? "--cutoff" : settings.Discrepancy is not null ? "--discrepancy" : settings.Waves is not null ? "--waves" : null;
        if (!matching && !settings.HistoryMatch && matchingOption is not null)
        {
            problems.Option(matchingOption, "goes with --method history-matching or --history-match");
        }
        string? abcOption = settings.Particles is not null ? "--particles" : settings.Quantile is not null ? "--quantile"
            : settings.MinAcceptance is not null ? "--min-acceptance" : settings.MaxGenerations is not null ? "--max-generations" : null;
        if (matching && abcOption is not null)
        {
            problems.Option(abcOption, "goes with ABC (--method abc-smc or rejection); history matching takes --candidates, --replicates, --cutoff, --discrepancy and --waves");
        }
        if (settings.Quantile is { } quantile && !rejection && !matching)
        {
            problems.Option($"--quantile {quantile.ToString(CultureInfo.InvariantCulture)}", "goes with --method rejection; ABC-SMC sets its tolerances itself");
        }
        if (rejection && !matching && (settings.MinAcceptance ?? (object?)settings.MaxGenerations) is not null)
        {
            problems.Option(settings.MinAcceptance is not null ? "--min-acceptance" : "--max-generations", "goes with --method abc-smc; rejection ABC draws --particles / --quantile candidates once");
        }
    }
}
