using Simulation.Core.Model;

namespace Simulation.Core.Calibration;

/// <summary>Competing scenarios calibrated together: their posterior probabilities, and each surviving one's calibration.</summary>
/// <param name="Scenarios">The scenarios as given, in model order.</param>
/// <param name="Choice">The model probabilities and the search.</param>
/// <param name="Calibrations">Each model's calibration (its posterior, predictive and fit); null for a model that died out.</param>
public sealed record ModelChoiceCalibration(IReadOnlyList<Scenario> Scenarios, ModelChoiceResult Choice, IReadOnlyList<CalibrationResult?> Calibrations);
