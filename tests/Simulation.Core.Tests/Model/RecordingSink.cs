using Simulation.Core.Model;

namespace Simulation.Core.Tests.Model;

/// <summary>Keeps every month of one run, for tests of the model's equations.</summary>
internal struct RecordingSink : IRunSink
{
    public RecordingSink(int months)
    {
        Months = new MonthOutcome[months];
    }

    public MonthOutcome[] Months { get; }

    public RunOutcome Outcome { get; private set; }

    public void Month(int month, in MonthOutcome outcome) => Months[month] = outcome;

    public void End(in RunOutcome outcome) => Outcome = outcome;

    public static (MonthOutcome[] Months, RunOutcome Outcome, double[] Inputs) Run(Scenario scenario, long run)
    {
        var compiled = new CompiledScenario(scenario);
        var inputs = new double[compiled.Parameters.Length];
        LaborMigrationModel.SampleInputs(compiled, run, inputs);
        var sink = new RecordingSink(scenario.Months);
        LaborMigrationModel.Simulate(compiled, run, inputs, ref sink);
        return (sink.Months, sink.Outcome, inputs);
    }
}
