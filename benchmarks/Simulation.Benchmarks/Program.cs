using BenchmarkDotNet.Running;

if (args is ["coverage", ..])
{
    Simulation.Benchmarks.CoverageStudyCommand.Run(args);
    return;
}
if (args is ["stock-repeats", ..])
{
    Simulation.Benchmarks.StockRepeatCommand.Run(args);
    return;
}
if (args is ["designs", ..])
{
    Simulation.Benchmarks.DesignStudyCommand.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Simulation.Benchmarks.BenchmarkScenarios).Assembly).Run(args);
