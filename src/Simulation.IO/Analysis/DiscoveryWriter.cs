using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulation.Core;
using Simulation.Core.Discovery;
using Simulation.IO.Output;

namespace Simulation.IO.Analysis;

/// <summary>Writes scenario discovery's files: prim_trajectory.csv, prim_box.csv and discovery.json.</summary>
public static class DiscoveryWriter
{
    /// <summary>The trajectory file.</summary>
    public const string TrajectoryFile = "prim_trajectory.csv";

    /// <summary>The chosen box file.</summary>
    public const string BoxFile = "prim_box.csv";

    /// <summary>The machine-readable discovery.</summary>
    public const string JsonFile = "discovery.json";

    /// <summary>Header of prim_trajectory.csv before the limit columns (INPUT_low, INPUT_high per input).</summary>
    public const string TrajectoryHeader = "step,phase,coverage,density,mass,runs_in_box,hits_in_box,restricted_inputs";

    /// <summary>Header of prim_box.csv.</summary>
    public const string BoxHeader = "input,low,high,range_low,range_high,restricted,quasi_p_value,rate_without_limit,reproduced_by_coverage,reproduced_by_density";

    /// <summary>Every box of the trajectory with its statistics and limits.</summary>
    public static void WriteTrajectory(DiscoveryResult result, TextWriter writer)
    {
        var line = new StringBuilder(TrajectoryHeader);
        foreach (string name in result.Data.Names)
        {
            line.Append(',').Append(name).Append("_low,").Append(name).Append("_high");
        }
        writer.Write(line.Append('\n'));
        foreach (var step in result.Trajectory.Steps)
        {
            line.Clear().Append(Invariant($"{step.Index},{step.Phase},{NumberFormat.Csv(step.Coverage)},{NumberFormat.Csv(step.Density)},{NumberFormat.Csv(step.Mass)},{step.Points},{step.Hits},{step.RestrictedDimensions}"));
            for (int d = 0; d < result.Data.Dimensions; d++)
            {
                line.Append(',').Append(NumberFormat.Csv(step.Box.Lower[d])).Append(',').Append(NumberFormat.Csv(step.Box.Upper[d]));
            }
            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>The chosen box, one row per input (restricted or not), with its quasi-p-value and reproducibility.</summary>
    public static void WriteBox(DiscoveryResult result, TextWriter writer)
    {
        writer.Write(BoxHeader + "\n");
        var box = result.Box.Box;
        var initial = result.Trajectory.Initial;
        for (int d = 0; d < result.Data.Dimensions; d++)
        {
            var p = result.QuasiPValues.FirstOrDefault(q => q.Dimension == d);
            var reproduced = result.Reproducibility[d];
            writer.Write($"{result.Data.Names[d]},{NumberFormat.Csv(box.Lower[d])},{NumberFormat.Csv(box.Upper[d])},{NumberFormat.Csv(initial.Lower[d])},{NumberFormat.Csv(initial.Upper[d])},"
                + $"{(box.Restricts(d, initial) ? "true" : "false")},{NumberFormat.Csv(p?.PValue ?? double.NaN)},{NumberFormat.Csv(p?.RateWithout ?? double.NaN)},"
                + $"{NumberFormat.Csv(reproduced.ByCoverage)},{NumberFormat.Csv(reproduced.ByDensity)}\n");
        }
    }

    /// <summary>discovery.json: the condition, the settings, the counts and the chosen box.</summary>
    public static void WriteJson(DiscoveryResult result, string source, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("engine_version", EngineInfo.Version);
        json.WriteString("runs_from", source);
        json.WriteString("condition", result.Condition);
        json.WriteNumber("runs", result.Data.Count);
        json.WriteNumber("hits", result.Data.HitCount);
        json.WriteNumber("peel_alpha", result.Options.PeelAlpha);
        json.WriteNumber("paste_alpha", result.Options.PasteAlpha);
        json.WriteNumber("mass_min", result.Options.MassMin);
        json.WriteNumber("chosen_step", result.Chosen);
        json.WriteNumber("balanced_step", result.Trajectory.Balanced);
        var step = result.Box;
        json.WriteNumber("coverage", step.Coverage);
        json.WriteNumber("density", step.Density);
        json.WriteNumber("mass", step.Mass);
        json.WriteStartArray("limits");
        foreach (var p in result.QuasiPValues)
        {
            json.WriteStartObject();
            json.WriteString("input", p.Name);
            json.WriteNumber("low", p.Lower);
            json.WriteNumber("high", p.Upper);
            json.WriteNumber("quasi_p_value", p.PValue);
            json.WriteNumber("reproduced_by_coverage", result.Reproducibility[p.Dimension].ByCoverage);
            json.WriteNumber("reproduced_by_density", result.Reproducibility[p.Dimension].ByDensity);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
