namespace Simulation.IO.Output;

/// <summary>
/// Builds an output folder beside its final place and moves it there only when complete, so a reader
/// never finds a half-written folder: either the previous complete output or the new one.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private bool _committed;

    private OutputFolder(string finalPath, string stagingPath)
    {
        FinalPath = finalPath;
        StagingPath = stagingPath;
    }

    /// <summary>Where the folder will be.</summary>
    public string FinalPath { get; }

    /// <summary>Where files are written until <see cref="Commit"/>.</summary>
    public string StagingPath { get; }

    /// <summary>Creates a hidden staging folder next to <paramref name="finalPath"/> (same file system, so the move is a rename).</summary>
    public static OutputFolder Begin(string finalPath)
    {
        string full = Path.GetFullPath(finalPath).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new IOException($"{finalPath} has no parent folder");
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new OutputFolder(full, staging);
    }

    /// <summary>The staging path of file <paramref name="name"/>.</summary>
    public string File(string name) => Path.Combine(StagingPath, name);

    /// <summary>Moves the finished folder into place, replacing an earlier output folder of the same name.</summary>
    public void Commit()
    {
        string? previous = null;
        if (Directory.Exists(FinalPath))
        {
            previous = FinalPath + $".previous-{Guid.NewGuid():N}";
            Directory.Move(FinalPath, previous);
        }
        Directory.Move(StagingPath, FinalPath);
        _committed = true;
        if (previous is not null)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Removes the staging folder unless committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }
}
