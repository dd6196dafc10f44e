using Simulation.Plotting;

namespace Simulation.Application.Publishing;

/// <summary>
/// Everything a verb publishes, declared once: the files of its output folder, its charts (PNG files and the report's
/// figures, each drawn once per format), its report and the headline printed when it is done.
/// </summary>
public sealed record Publication
{
    /// <summary>The verb that publishes it ("run", "calibrate", ...), recorded in the folder's marker.</summary>
    public required string Verb { get; init; }

    /// <summary>Files, written in order.</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];

    /// <summary>Empty subfolders the output needs (a scheduler's log folder).</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>Builds the charts; called once, when the folder is published.</summary>
    public Func<IReadOnlyList<NamedChart>>? Charts { get; init; }

    /// <summary>Renders report.html from the charts as drawn; null for a verb without a report.</summary>
    public Func<IReadOnlyList<RenderedChart>, string>? Report { get; init; }

    /// <summary>The lines printed on standard output once the folder is published, before "wrote FOLDER".</summary>
    public IReadOnlyList<string> Headline { get; init; } = [];

    /// <summary>What to print after "wrote FOLDER" on the same line, e.g. how to run what was written.</summary>
    public string? AfterWrote { get; init; }

    /// <summary>False when the headline says itself where the folder is (a scheduler's job folder).</summary>
    public bool SaysWhereWritten { get; init; } = true;
}
