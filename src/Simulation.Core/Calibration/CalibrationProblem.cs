using Simulation.Core.Distributions;
using Simulation.Core.Model;

namespace Simulation.Core.Calibration;

/// <summary>A scenario's uncertain inputs as priors, its observations compiled, and one model run as a distance.</summary>
internal sealed class CalibrationProblem
{
    private readonly CompiledScenario _compiled;
    private readonly int[] _uncertain;
    private readonly double[][] _inputs;
    private readonly double[][] _values;

    private CalibrationProblem(Scenario scenario, CompiledScenario compiled, ObservationSet set, int threads)
    {
        Scenario = scenario;
        _compiled = compiled;
        Set = set;
        _uncertain = compiled.UncertainParameterIndices;
        Priors = new InputDistribution[_uncertain.Length];
        Keys = new string[_uncertain.Length];
        for (int j = 0; j < _uncertain.Length; j++)
        {
            Priors[j] = compiled.Parameters[_uncertain[j]];
            Keys[j] = compiled.ParameterNames[_uncertain[j]];
        }
        _inputs = new double[threads][];
        _values = new double[threads][];
        for (int w = 0; w < threads; w++)
        {
            _inputs[w] = new double[compiled.Parameters.Length];
            for (int i = 0; i < _inputs[w].Length; i++)
            {
                _inputs[w][i] = compiled.Parameters[i].Mean;
            }
            _values[w] = new double[set.Count];
        }
    }

    public Scenario Scenario { get; }

    public ObservationSet Set { get; }

    public InputDistribution[] Priors { get; }

    public string[] Keys { get; }

    public static CalibrationProblem Of(Scenario scenario, IReadOnlyList<Observation> observations, int threads)
    {
        if (scenario.Posterior is not null)
        {
            throw new ArgumentException($"scenario {scenario.Name} is already calibrated (posterior from {scenario.Posterior.Source}); calibrate the scenario it came from, with every observation at once");
        }
        var compiled = CompiledScenario.Of(scenario);
        var set = new ObservationSet(compiled, observations);
        if (compiled.UncertainParameterIndices.Length == 0)
        {
            throw new ArgumentException($"nothing to calibrate: every input of scenario {scenario.Name} is a fixed value; give the inputs to calibrate a distribution (the prior)");
        }
        return new CalibrationProblem(scenario, compiled, set, threads);
    }

    /// <summary>One model run at <paramref name="theta"/>: the root mean square of its standardized residuals.</summary>
    public double Simulate(ReadOnlySpan<double> theta, long streamSeed, long candidate, int worker)
    {
        var own = _inputs[worker];
        for (int j = 0; j < theta.Length; j++)
        {
            own[_uncertain[j]] = theta[j];
        }
        var sink = Set.Sink(_values[worker]);
        LaborMigrationModel.Simulate(_compiled, streamSeed, candidate, own, ref sink);
        return Set.Distance(_values[worker]);
    }

    /// <summary>One model run at <paramref name="theta"/>: its value of each observation, into <paramref name="values"/>.</summary>
    public void Observe(ReadOnlySpan<double> theta, long streamSeed, long run, int worker, Span<double> values)
    {
        Simulate(theta, streamSeed, run, worker);
        _values[worker].CopyTo(values);
    }
}
