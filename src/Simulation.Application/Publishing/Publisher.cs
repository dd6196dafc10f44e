using System.Text;
using Simulation.IO.Output;
using Simulation.Plotting;
using Simulation.Reporting;

namespace Simulation.Application.Publishing;

/// <summary>
/// Publishes a verb's output folder the one way every verb does: begin a staging folder, write the files, draw the
/// charts in parallel (PNG when asked for, and the report's SVGs), render the report, and commit the folder in one
/// atomic step (<see cref="OutputFolder"/>): a reader finds the old complete folder or the new one, never half of one.
/// </summary>
public static class Publisher
{
    /// <summary>The report's file name in every output folder that has one.</summary>
    public const string ReportFile = "report.html";

    /// <summary>Publishes <paramref name="publication"/> at <paramref name="outPath"/>; <paramref name="plots"/> false leaves out the PNG files.</summary>
    public static void Publish(Publication publication, string outPath, bool force, bool plots)
    {
        using var folder = OutputFolder.Begin(outPath, force, publication.Verb);
        foreach (string subfolder in publication.Folders)
        {
            Directory.CreateDirectory(folder.File(subfolder));
        }
        foreach (var file in publication.Files)
        {
            string path = folder.File(file.Name);
            using (var stream = File.Create(path))
            {
                file.Write(stream);
            }
            if (file.Executable && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }
        var charts = publication.Charts?.Invoke() ?? [];
        var rendered = publication.Report is null && !plots ? [] : ChartRendering.Render(charts, plots ? folder.StagingPath : null, svg: publication.Report is not null);
        if (publication.Report is { } report)
        {
            File.WriteAllText(folder.File(ReportFile), report(rendered), new UTF8Encoding(false));
        }
        folder.Commit();
    }
}
