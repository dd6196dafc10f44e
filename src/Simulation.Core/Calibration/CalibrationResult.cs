using Simulation.Core.Model;
using Simulation.Core.MonteCarlo;

namespace Simulation.Core.Calibration;

/// <summary>A calibrated scenario: the posterior, how each input moved, and how the posterior predictive meets the data.</summary>
public sealed class CalibrationResult
{
    internal CalibrationResult(Scenario prior, Scenario calibrated, IReadOnlyList<InputSummary> inputs, AbcResult abc, ObservationSet observations,
        IReadOnlyList<ObservationFit> fits, double[][] predictive, MonteCarloResult predictiveRuns)
    {
        Prior = prior;
        Calibrated = calibrated;
        Inputs = inputs;
        Abc = abc;
        Observations = observations;
        Fits = fits;
        Predictive = predictive;
        PredictiveRuns = predictiveRuns;
    }

    /// <summary>The scenario as given: its uncertain inputs are the priors.</summary>
    public Scenario Prior { get; }

    /// <summary>The same scenario whose calibrated inputs are drawn jointly from the posterior.</summary>
    public Scenario Calibrated { get; }

    /// <summary>Each calibrated input, in the order of the posterior's columns.</summary>
    public IReadOnlyList<InputSummary> Inputs { get; }

    /// <summary>The particles, weights and generations.</summary>
    public AbcResult Abc { get; }

    /// <summary>The observations as compiled.</summary>
    public ObservationSet Observations { get; }

    /// <summary>Each observation against the posterior predictive.</summary>
    public IReadOnlyList<ObservationFit> Fits { get; }

    /// <summary>Per observation, its model value in each posterior predictive run.</summary>
    public double[][] Predictive { get; }

    /// <summary>
    /// The history match run before ABC (<c>--history-match</c>), whose region not ruled out was ABC's prior; null when
    /// ABC started from the whole prior.
    /// </summary>
    public ScenarioHistoryMatch? HistoryMatch { get; init; }

    /// <summary>The posterior predictive runs summarised month by month (fan charts).</summary>
    public MonteCarloResult PredictiveRuns { get; }
}
