using System.Globalization;
using System.Text;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Core.Model;
using Simulation.IO.Calibration;
using Simulation.IO.Output;
using Simulation.IO.Scenarios;
using Simulation.Plotting;

namespace Simulation.Cli.Commands;

/// <summary><c>laborsim calibrate</c>: a posterior for a scenario's uncertain inputs from observation files (docs/calibration.md).</summary>
internal static class CalibrateCommand
{
    /// <summary>Posterior predictive runs when --runs does not say: enough for a 90% band, few enough to take seconds.</summary>
    private const long DefaultPredictiveRuns = 10_000;

    private const int MaxParticles = 1_000_000;

    public static int Execute(CalibrateOptions options, Terminal terminal, CancellationToken cancellation)
    {
        var problems = new List<ScenarioProblem>();
        var overrides = ScenarioLoading.Overrides(options, problems);
        bool rejection = options.Method == "rejection";
        if (!rejection && options.Method != "abc-smc")
        {
            string? closest = Spelling.Closest(options.Method, ["abc-smc", "rejection"]);
            problems.Add(new ScenarioProblem(new($"--method {options.Method}", 0, 0), "", $"must be 'abc-smc' or 'rejection'{(closest is not null ? $"; did you mean '{closest}'?" : "")}"));
        }
        int particles = options.Particles ?? 1000;
        if (particles < 2 || particles > MaxParticles)
        {
            problems.Add(new ScenarioProblem(new($"--particles {particles}", 0, 0), "", $"must be a whole number from 2 to {MaxParticles:N0}"));
        }
        if (options.Quantile is { } quantile && (!rejection || !(quantile > 0 && quantile <= 1) || particles / quantile > 1e9))
        {
            problems.Add(new ScenarioProblem(new($"--quantile {quantile.ToString(CultureInfo.InvariantCulture)}", 0, 0), "", !rejection
                ? "goes with --method rejection; ABC-SMC sets its tolerances itself"
                : "must be above 0 and at most 1, with --particles / --quantile at most 1,000,000,000 candidates"));
        }
        if (rejection && (options.MinAcceptance ?? (object?)options.MaxGenerations) is not null)
        {
            problems.Add(new ScenarioProblem(new(options.MinAcceptance is not null ? "--min-acceptance" : "--max-generations", 0, 0), "",
                "goes with --method abc-smc; rejection ABC draws --particles / --quantile candidates once"));
        }
        if (options.MinAcceptance is { } acceptance && !(acceptance > 0 && acceptance <= 1))
        {
            problems.Add(new ScenarioProblem(new($"--min-acceptance {acceptance.ToString(CultureInfo.InvariantCulture)}", 0, 0), "", "must be above 0 and at most 1, e.g. 0.01"));
        }
        if (options.MaxGenerations is { } generations && (generations < 1 || generations > 1000))
        {
            problems.Add(new ScenarioProblem(new($"--max-generations {generations}", 0, 0), "", "must be a whole number from 1 to 1,000"));
        }
        var files = options.Observed.ToList();
        if (files.Count == 0)
        {
            problems.Add(new ScenarioProblem(new("--observed", 0, 0), "", "is missing: name at least one observation file, e.g. --observed data/observed/russia-permits-2018-2020.csv"));
        }
        var loaded = ScenarioLoading.Load(options.Scenario, overrides, problems, terminal, options.Strict);
        var scenario = loaded.Scenario;
        var observations = new List<Observation>();
        if (scenario is not null)
        {
            var compiled = new CompiledScenario(scenario);
            if (scenario.Posterior is not null)
            {
                problems.Add(new ScenarioProblem(new(options.Scenario, 0, 0), "posterior",
                    "the scenario is already calibrated; calibrate the scenario it came from (without 'posterior:'), with every observation file at once"));
            }
            else if (compiled.UncertainParameterIndices.Length == 0)
            {
                problems.Add(new ScenarioProblem(new(options.Scenario, 0, 0), "", "has no uncertain inputs to calibrate: give the inputs the data should inform a distribution (the prior), e.g. --set \"pay.wage={dist: uniform, min: 60000, max: 80000}\""));
            }
            else if (!rejection)
            {
                foreach (int i in compiled.UncertainParameterIndices)
                {
                    if (!compiled.Parameters[i].IsContinuous)
                    {
                        problems.Add(new ScenarioProblem(new(options.Scenario, 0, 0), compiled.ParameterNames[i],
                            $"has the discrete prior {compiled.Parameters[i]}, which ABC-SMC cannot perturb; use --method rejection or a continuous prior"));
                    }
                }
            }
            var fileProblems = new ProblemList();
            foreach (string file in files)
            {
                observations.AddRange(ObservationReader.ReadFile(file, compiled, fileProblems) ?? []);
            }
            problems.AddRange(fileProblems.Items);
        }
        if (problems.Count > 0 || scenario is null)
        {
            ProblemPrinter.Print(terminal, problems, "nothing was run");
            return ExitCodes.BadInput;
        }

        long predictiveRuns = options.Runs is not null ? scenario.Runs : Math.Min(scenario.Runs, DefaultPredictiveRuns);
        if (predictiveRuns > 10_000_000)
        {
            terminal.Error.WriteLine($"--runs {predictiveRuns:N0}: the posterior predictive check keeps every run's value of each observation; use at most 10,000,000. Nothing was run.");
            return ExitCodes.BadInput;
        }
        string outPath = options.Out ?? Path.Combine("out", $"{scenario.Name}-calibrated");
        if (OutputTargets.Refused(outPath, options.Force, terminal))
        {
            return ExitCodes.BadInput;
        }
        var progress = options.Quiet ? null : new CalibrationProgress(terminal.Error, terminal.ErrorIsTerminal);
        var abcOptions = new AbcOptions
        {
            Particles = particles,
            Method = rejection ? AbcMethod.Rejection : AbcMethod.Smc,
            Quantile = options.Quantile ?? 0.01,
            MinAcceptance = options.MinAcceptance ?? 0.01,
            MaxGenerations = options.MaxGenerations ?? 20,
            Seed = scenario.Seed,
            Threads = ScenarioLoading.Threads(options, terminal, scenario),
            Cancellation = cancellation,
            Progress = progress is null ? null : progress.Report,
        };
        CalibrationResult result;
        try
        {
            result = ModelCalibration.Run(scenario, observations, abcOptions, (int)predictiveRuns);
        }
        catch (OperationCanceledException)
        {
            progress?.Finish();
            terminal.Error.WriteLine("Interrupted; no output was written.");
            return ExitCodes.Interrupted;
        }
        progress?.Finish();

        string method = rejection ? "rejection ABC" : "ABC-SMC";
        var keys = result.Inputs.Select(i => i.KeyPath).ToList();
        var posteriorText = new StringWriter();
        PosteriorCsv.Write(result.Abc, keys, posteriorText);
        using (var folder = OutputFolder.Begin(outPath, options.Force))
        {
            File.WriteAllText(folder.File("posterior.csv"), posteriorText.ToString(), new UTF8Encoding(false));
            TextFiles.WriteStream(folder.File("posterior.parquet"), stream => PosteriorParquetWriter.Write(result.Abc, keys, stream));
            TextFiles.WriteStream(folder.File("posterior.json"), stream => CalibrationWriter.WriteJson(result, abcOptions, files, stream));
            TextFiles.Write(folder.File("fit.csv"), writer => CalibrationWriter.WriteFitCsv(result, writer));
            string description = $"{scenario.Description} Calibrated by laborsim {EngineInfo.Version} ({method}, {particles:N0} particles, seed {scenario.Seed}) to {string.Join(", ", files.Select(Path.GetFileName))}.".Trim();
            var calibrated = loaded.Document!
                .With("scenario", $"{scenario.Name}-calibrated")
                .With("description", Simulation.IO.Yaml.YamlFlowWriter.Quote(description))
                .With("posterior", "{file: posterior.csv}", posteriorText.ToString());
            File.WriteAllText(folder.File("calibrated.yaml"), calibrated.ToYaml(
                $"Scenario {scenario.Name} calibrated by laborsim {EngineInfo.Version}: its uncertain inputs are drawn jointly from posterior.csv\n"
                + "(the priors below still name the inputs; each run takes one particle by weight). Run it with: laborsim run calibrated.yaml"), new UTF8Encoding(false));
            if (!options.NoPlots)
            {
                CalibrationPlotter.WriteAll(result, folder.StagingPath);
            }
            TextFiles.Write(folder.File("report.html"), writer => writer.Write(Simulation.Reporting.CalibrationReport.Render(result, method, files)));
            folder.Commit();
        }

        var abc = result.Abc;
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: {method} calibrated {keys.Count} inputs to {observations.Count} observations: {abc.Count:N0} particles, {abc.Generations.Count} generation(s), {abc.Simulations:N0} model runs in {abc.Elapsed.TotalSeconds:0.0} s"));
        terminal.Out.WriteLine($"  stopped: {abc.StopReason}");
        foreach (string line in Simulation.Reporting.CalibrationReport.Headlines(result))
        {
            terminal.Out.WriteLine("  " + line);
        }
        terminal.Out.WriteLine($"  wrote {outPath}; run the calibrated scenario with: laborsim run {Path.Combine(outPath, "calibrated.yaml")}");
        return ExitCodes.Ok;
    }
}
