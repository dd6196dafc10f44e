using Simulation.Core.Model;

namespace Simulation.Core.Tests.Model;

/// <summary>Keeps every month of one run, for tests of the model's equations.</summary>
public struct RecordingSink : IRunSink
{
    public RecordingSink(int months)
    {
        Months = new MonthRecord[months];
    }

    public MonthRecord[] Months { get; }

    public RunOutcome Outcome { get; private set; }

    public readonly void Month(int month, ReadOnlySpan<double> values) => Months[month] = new MonthRecord(values.ToArray());

    public void End(in RunOutcome outcome) => Outcome = outcome;

    public static (MonthRecord[] Months, RunOutcome Outcome, double[] Inputs) Run(Scenario scenario, long run)
    {
        var compiled = new CompiledScenario(scenario);
        var inputs = new double[compiled.Parameters.Length];
        LaborMigrationModel.SampleInputs(compiled, run, inputs);
        var sink = new RecordingSink(scenario.Months);
        LaborMigrationModel.Simulate(compiled, run, inputs, ref sink);
        return (sink.Months, sink.Outcome, inputs);
    }
}
