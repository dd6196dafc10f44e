using Simulation.Core.Calibration;

namespace Simulation.Plotting;

/// <summary>The chart of a history match: the candidates not ruled out, pair by pair, for the inputs the record narrows most.</summary>
public static class HistoryMatchPlotter
{
    /// <summary>File of the pairs chart.</summary>
    public const string PairsFile = "nroy_pairs.png";

    /// <summary>Every chart with its caption (none when every candidate was ruled out: there is nothing to draw).</summary>
    public static IReadOnlyList<NamedChart> Charts(ScenarioHistoryMatch match)
    {
        if (match.Result.Count < 2)
        {
            return [];
        }
        var ranges = NroyRange.Of(match);
        var chosen = Enumerable.Range(0, ranges.Count).OrderBy(j => ranges[j].PriorShare).Take(CalibrationPlotter.MaxPairInputs).ToList();
        var plot = PlotStyle.NewPlot($"Inputs not ruled out by the record: {match.Scenario.Name}", "", "");
        var diagonal = chosen.Select(j => $"{CalibrationPlotter.Wrap(Capital(InputWords.Label(match.Scenario, match.Keys[j])))}\n{NumberText.Plain(ranges[j].Min)} to {NumberText.Plain(ranges[j].Max)}").ToList();
        int points = Math.Min(600, match.Result.Count);
        // Kept candidates come in Latin hypercube order, which is random: an even stride keeps the drawing's sample fair.
        double stride = (double)match.Result.Count / points;
        PairsMatrix.Draw(plot, diagonal, points, (p, a) => match.Result.Kept[(int)(p * stride) * match.Result.Dimensions + chosen[a]],
            "each cell: the column's input across, the row's input up, each over its range not ruled out (diagonal)");
        return
        [
            new(PairsFile, plot, $"The last wave's {match.Result.Count:N0} candidates not ruled out (implausibility at most {match.Options.Cutoff:G3} for every observation), "
                + $"for the {chosen.Count} inputs whose range the record narrows most; a slanted cloud means the record rules on a combination of two inputs, not on each alone."),
        ];
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
