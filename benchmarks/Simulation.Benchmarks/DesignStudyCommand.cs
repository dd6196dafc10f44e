using System.Globalization;
using Simulation.Core.Analysis;
using Simulation.Core.Catalogue;
using Simulation.Core.Sampling;

namespace Simulation.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Simulation.Benchmarks -- designs [SEEDS] [RUNS]`: the standard error
/// of the headline means over SEEDS independent seeds (default 50) at RUNS runs (default 10,000) per design, for the
/// baseline and the hindcast, as the Markdown table of benchmarks/README.md.
/// </summary>
internal static class DesignStudyCommand
{
    public static void Run(string[] args)
    {
        int seeds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        long runs = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        SamplingMethod[] designs = [SamplingMethod.MonteCarlo, SamplingMethod.LatinHypercube, SamplingMethod.Sobol];
        Console.WriteLine($"{seeds} seeds x {runs:N0} runs per design; se = standard deviation of the mean over the seeds; runs for 1% = runs for a 95% interval within 1% of the mean");
        Console.WriteLine();
        Console.WriteLine("| scenario | metric | mean | se, Monte Carlo | se, Latin hypercube | se, Sobol' | runs for 1%: MC | LHS | Sobol' |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (string name in new[] { "donbas-baseline", "hindcast-russia-2018-2020" })
        {
            var scenario = BenchmarkScenarios.Load(name, runs, name.StartsWith("hindcast", StringComparison.Ordinal) ? 36 : 60);
            var start = DateTime.UtcNow;
            var rows = DesignStudy.Run(scenario, designs, seeds, runs, threads: Environment.ProcessorCount);
            foreach (var metric in DesignStudy.Headline)
            {
                var byDesign = designs.Select(d => rows.Single(r => r.Design == d && r.Metric == metric)).ToArray();
                string Se(DesignStudy.Row r) => $"{r.StandardError.ToString("G3", CultureInfo.InvariantCulture)} ({(r.StandardError / byDesign[0].StandardError).ToString("0.00", CultureInfo.InvariantCulture)}x)";
                string Needed(DesignStudy.Row r) => r.RunsForOnePercent.ToString("N0", CultureInfo.InvariantCulture);
                Console.WriteLine($"| {name} | {OutputCatalogue.Of(metric).Name} | {byDesign[0].Mean.ToString("G4", CultureInfo.InvariantCulture)} | "
                    + $"{Se(byDesign[0])} | {Se(byDesign[1])} | {Se(byDesign[2])} | {Needed(byDesign[0])} | {Needed(byDesign[1])} | {Needed(byDesign[2])} |");
            }
            Console.Error.WriteLine($"{name}: {(DateTime.UtcNow - start).TotalSeconds:0.0} s");
        }
    }
}
