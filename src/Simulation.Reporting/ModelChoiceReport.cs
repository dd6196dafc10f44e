using System.Globalization;
using Simulation.Core;
using Simulation.Core.Calibration;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of a model choice: which scenario the record favours, how sure that is, and how each one fits.</summary>
public static class ModelChoiceReport
{
    /// <summary>The page.</summary>
    public static string Render(ModelChoiceCalibration choice, IReadOnlyList<string> observationFiles, IReadOnlyList<RenderedChart> charts)
    {
        var result = choice.Choice;
        var report = new HtmlReport("laborsim model choice")
            .Header($"Which of {choice.Scenarios.Count} scenarios the record favours", Descriptions(choice.Scenarios))
            .Paragraph($"ABC-SMC model choice: {result.Generations.Count} generation(s), {result.Simulations:N0} model runs in {result.Elapsed.TotalSeconds:0.0} s; laborsim {EngineInfo.Version}. "
                + $"Observations: {string.Join(", ", observationFiles)}. Stopped because {result.StopReason}.", "meta");
        report.Section("In short").List(Headlines(choice), "headline");
        report.Charts(charts);
        report.Section("The scenarios").Table(["scenario", "probability before the record", "probability given the record", "standard error", "observations within the 90% band", "its files"],
            Enumerable.Range(0, choice.Scenarios.Count).Select(m => (IReadOnlyList<string>)
            [
                choice.Scenarios[m].Name, NumberText.Percent(result.Prior[m]), NumberText.Percent(result.Probabilities[m]), result.DiedIn[m] is null ? NumberText.Percent(result.StandardErrors[m]) : "",
                choice.Calibrations[m] is { } c ? $"{c.Fits.Count(f => f.InsideBand90)} of {c.Fits.Count}" : $"none (died out in generation {result.DiedIn[m]})",
                choice.Calibrations[m] is null ? "" : $"{choice.Scenarios[m].Name}/",
            ]), textColumns: 1,
            caption: "The standard error is that of a weighted sample of the last generation's effective size. Each surviving scenario's folder holds its posterior, its fit to the record and a runnable calibrated scenario.");
        report.Section("The search").Table(["generation", "tolerance", "candidates", "accepted", .. choice.Scenarios.Select(s => s.Name)],
            result.Generations.Select(g => (IReadOnlyList<string>)
            [
                g.Index.ToString(CultureInfo.InvariantCulture),
                g.ByLikelihood ? "the stated errors' likelihood" : double.IsInfinity(g.Tolerance) ? "none (prior)" : g.Tolerance.ToString("0.000", CultureInfo.InvariantCulture),
                g.Candidates.ToString("N0", CultureInfo.InvariantCulture), g.Accepted.ToString("N0", CultureInfo.InvariantCulture),
                .. g.Probabilities.Select(NumberText.Percent),
            ]),
            caption: "Each generation draws a scenario by the previous generation's probabilities, moves to another surviving one with probability 0.1, then perturbs a particle of it.");
        report.Section("What the model leaves out").List(ModelLimits.Items);
        return report.Render();
    }

    /// <summary>The choice in sentences.</summary>
    public static IEnumerable<string> Headlines(ModelChoiceCalibration choice)
    {
        var result = choice.Choice;
        var order = Enumerable.Range(0, choice.Scenarios.Count).OrderByDescending(m => result.Probabilities[m]).ToList();
        yield return "Given the record, " + string.Join("; ", order.Select(m =>
            result.DiedIn[m] is null
                ? $"{choice.Scenarios[m].Name} has probability {NumberText.Percent(result.Probabilities[m])} ± {NumberText.Percent(result.StandardErrors[m])} (before: {NumberText.Percent(result.Prior[m])})"
                : $"{choice.Scenarios[m].Name} has probability 0, having died out (before: {NumberText.Percent(result.Prior[m])})")) + ".";
        foreach (int m in order.Where(m => result.DiedIn[m] is not null))
        {
            yield return $"{choice.Scenarios[m].Name} died out in generation {result.DiedIn[m]}: none of its candidates came within the tolerance of the record, so it keeps probability 0.";
        }
    }

    /// <summary>
    /// Each scenario's description after its name, without the text of an earlier one's that it repeats (a variant's
    /// description quotes its parent's after "Variant of ...: changes ...").
    /// </summary>
    public static string Descriptions(IReadOnlyList<Simulation.Core.Model.Scenario> scenarios)
    {
        var parts = new List<string>();
        for (int m = 0; m < scenarios.Count; m++)
        {
            string description = scenarios[m].Description;
            for (int earlier = 0; earlier < m; earlier++)
            {
                if (scenarios[earlier].Description.Length > 0)
                {
                    description = description.Replace(scenarios[earlier].Description, "", StringComparison.Ordinal).Trim();
                }
            }
            parts.Add(description.Length > 0 ? $"{scenarios[m].Name}: {description}" : scenarios[m].Name);
        }
        return string.Join(" ", parts);
    }
}
