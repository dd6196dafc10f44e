using Simulation.Core;
using Simulation.Core.Catalogue;
using Simulation.Core.Decisions;
using Simulation.Plotting;

namespace Simulation.Reporting;

/// <summary>report.html of <c>laborsim voi</c>: which observation would narrow the forecast most, which input matters, and what information is worth to the choice of policy.</summary>
public static class VoiReport
{
    /// <summary>The page.</summary>
    public static string Render(VoiAnalysis analysis, IReadOnlyList<RenderedChart> charts)
    {
        var s = analysis.Scenario;
        string measure = analysis.Measure.Label;
        var report = new HtmlReport($"laborsim voi: {s.Name}")
            .Header($"What would an observation tell about {measure}? {s.Name}", s.Description)
            .Paragraph($"{analysis.Runs:N0} runs of {s.Months} months ({s.Start} to {s.Start.AddMonths(s.Months - 1)}), seed {s.Seed}; laborsim {EngineInfo.Version}. "
                + $"The forecast of {measure} has standard deviation {NumberText.Of(Math.Sqrt(analysis.Variance), analysis.Measure.Kind)} over the runs.", "meta");
        report.Section("In short").List(Headlines(analysis), "headline");
        if (analysis.Observations.Count > 0)
        {
            report.Section("Planned observations").Table(["observation", "what it would take", "share of the variance removed ± se"],
                analysis.Observations.OrderByDescending(o => o.Estimate.Value).Select(o => (IReadOnlyList<string>)[VoiPlotter.ObservationWords(s, o.Observation), o.Observation.Note,
                    NumberText.WithError(o.Estimate.Value / analysis.Variance, o.Estimate.Se / analysis.Variance, OutputKind.ZeroOne)]), textColumns: 2);
            report.Figure(charts.Named(VoiPlotter.ObservationsFile));
        }
        if (analysis.Inputs.Count > 0)
        {
            report.Section("Uncertain inputs, learnt exactly").Table(["input", "share of the variance removed ± se"],
                analysis.Inputs.OrderByDescending(i => i.Estimate.Value).Select(i => (IReadOnlyList<string>)[$"{InputWords.Label(s, i.Input)} ({i.Input})",
                    NumberText.WithError(i.Estimate.Value / analysis.Variance, i.Estimate.Se / analysis.Variance, OutputKind.ZeroOne)]), textColumns: 1);
            report.Figure(charts.Named(VoiPlotter.InputsFile));
        }
        if (analysis.Evpi is { } evpi)
        {
            report.Section("Information for the choice of policy").Table(["input", $"expected {measure} saved ± se"],
                analysis.DecisionInputs.OrderByDescending(i => i.Estimate.Value).Select(i => (IReadOnlyList<string>)[$"{InputWords.Label(s, i.Input)} ({i.Input})",
                    NumberText.WithError(i.Estimate.Value, i.Estimate.Se, analysis.Measure.Kind)]), textColumns: 1);
            report.Figure(charts.Named(VoiPlotter.DecisionFile));
        }
        report.Section("Reading it").List(
        [
            "Each share is Var(E[M | D]) / Var(M): how much of the spread of the forecast would go, on average, once the observation D (or the input) is known. It is estimated by regressing M on D over the runs (a restricted cubic spline; Strong, Oakley and Brennan 2014), so it carries Monte Carlo error and a small regression bias, which the ± (bootstrap) covers only in part.",
            "A planned observation is simulated in every run from the model's own value and the observation's error; its worth rests on the scenario's assumptions, including how the series responds to the inputs.",
            "Shares of different observations do not add up: two observations of the same quantity tell much of the same thing.",
            "Learning an input exactly is an upper limit on what any observation of it can do.",
        ]);
        return report.Render();
    }

    /// <summary>The result in sentences.</summary>
    public static IEnumerable<string> Headlines(VoiAnalysis analysis)
    {
        var s = analysis.Scenario;
        string measure = analysis.Measure.Label;
        if (analysis.Observations.Count > 0)
        {
            var best = analysis.Observations.MaxBy(o => o.Estimate.Value);
            yield return $"Of the {analysis.Observations.Count} planned observations, {VoiPlotter.ObservationWords(s, best.Observation)} would narrow the forecast of {measure} most: "
                + $"it would remove {NumberText.WithError(best.Estimate.Value / analysis.Variance, best.Estimate.Se / analysis.Variance, OutputKind.ZeroOne)} of its variance.";
        }
        if (analysis.Inputs.Count > 0)
        {
            var top = analysis.Inputs.MaxBy(i => i.Estimate.Value);
            yield return $"Of the uncertain inputs, {InputWords.Label(s, top.Input)} matters most: learning it exactly would remove "
                + $"{NumberText.WithError(top.Estimate.Value / analysis.Variance, top.Estimate.Se / analysis.Variance, OutputKind.ZeroOne)} of the variance.";
        }
        if (analysis.Evpi is { } evpi)
        {
            yield return $"Choosing among the {analysis.Policies.Count} policies now, {analysis.BestOnAverage} is best on average; knowing everything before choosing would save "
                + $"{NumberText.WithError(evpi.Value, evpi.Se, analysis.Measure.Kind)} of {measure} on average (EVPI).";
        }
    }
}
