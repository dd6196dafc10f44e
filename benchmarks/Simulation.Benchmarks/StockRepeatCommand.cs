using System.Globalization;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Simulation.Benchmarks -- stock-repeats [RUNS]`: for the shipped baseline
/// and hindcast, the share of binomial return draws whose n (the channel's stock) repeats the previous month's
/// (benchmarks/README.md, "Speed II").
/// </summary>
internal static class StockRepeatCommand
{
    public static void Run(string[] args)
    {
        long runs = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        foreach (string name in new[] { "donbas-baseline", "hindcast-russia-2018-2020" })
        {
            var scenario = new CompiledScenario(BenchmarkScenarios.Load(name, runs, name.StartsWith("hindcast", StringComparison.Ordinal) ? 36 : 60));
            var inputs = new double[scenario.Parameters.Length];
            var census = new StockRepeatCensus(Math.Max(1, scenario.Scenario.Channels.Count));
            for (long run = 0; run < runs; run++)
            {
                LaborMigrationModel.SampleInputs(scenario, run, inputs);
                LaborMigrationModel.Simulate(scenario, run, inputs, ref census);
            }
            double share = census.BusyChannelMonths == 0 ? 0 : (double)census.Repeats / census.BusyChannelMonths;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {runs:N0} runs, {census.BusyChannelMonths:N0} return draws with workers abroad, n repeated in {census.Repeats:N0} ({share:P2})"));
        }
    }
}
