using System.Diagnostics;
using System.Globalization;
using Simulation.Core.Calibration;
using Simulation.Core.Model;

namespace Simulation.Benchmarks;

/// <summary>
/// The large version of the coverage test: <c>dotnet run -c Release --project benchmarks/Simulation.Benchmarks -- coverage [RECORDS] [PARTICLES]</c>
/// calibrates the hindcast on RECORDS synthetic records (default 200) with PARTICLES particles (default 500) and
/// prints how often each input's 90% posterior interval covers the input that made the record.
/// </summary>
public static class CoverageStudyCommand
{
    public static void Run(string[] args)
    {
        int records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        int particles = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        var (scenario, record) = BenchmarkScenarios.HindcastAndRecord();
        var compiled = new CompiledScenario(scenario);
        var clock = Stopwatch.StartNew();
        var covered = CoverageStudy.Run(scenario, record, records, new AbcOptions { Particles = particles, Threads = Environment.ProcessorCount }, 100_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records} synthetic records, {particles} particles, {clock.Elapsed.TotalSeconds:0} s"));
        for (int j = 0; j < covered.Length; j++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {compiled.ParameterNames[compiled.UncertainParameterIndices[j]],-50} {covered[j],4} of {records} ({100.0 * covered[j] / records:0.0}%)"));
        }
        int total = covered.Sum();
        int n = covered.Length * records;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all inputs {total} of {n} ({100.0 * total / n:0.0}%; a binomial 95% range for 90% is {100 * (0.9 - 1.96 * Math.Sqrt(0.09 / n)):0.0}% to {100 * (0.9 + 1.96 * Math.Sqrt(0.09 / n)):0.0}%)"));
    }
}
