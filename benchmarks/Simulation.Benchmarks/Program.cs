using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Simulation.Benchmarks.BenchmarkScenarios).Assembly).Run(args);
