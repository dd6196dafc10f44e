namespace Simulation.IO.Output;

/// <summary>
/// Builds an output folder beside its final place and moves it there only when complete and flushed to disk, so a
/// reader (or a machine that lost power) finds either the previous complete folder or the new one, never half of
/// one. Every output folder carries a marker file; an existing folder is replaced only with --force and only if it
/// carries the marker, so laborsim never deletes a folder it did not write.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>Free space below which no output folder is begun.</summary>
    public const long MinimumFreeBytes = 8L << 20;

    /// <summary>The marker file in every output folder.</summary>
    public const string MarkerFile = ".laborsim-output";

    private bool _committed;

    private OutputFolder(string finalPath, string stagingPath, bool replace)
    {
        FinalPath = finalPath;
        StagingPath = stagingPath;
        Replace = replace;
    }

    /// <summary>True when an earlier laborsim output folder at the target may be replaced (--force).</summary>
    public bool Replace { get; }

    /// <summary>Where the folder will be.</summary>
    public string FinalPath { get; }

    /// <summary>Where files are written until <see cref="Commit"/>.</summary>
    public string StagingPath { get; }

    /// <summary>
    /// Why <paramref name="finalPath"/> cannot receive an output of <paramref name="verb"/>, or null when it can: absent,
    /// empty, or an output of the same verb with <paramref name="force"/>. An output another verb wrote (a calibration's
    /// posterior where a run would go) is never replaced: the message names what it holds.
    /// </summary>
    public static string? Refusal(string finalPath, bool force, string verb)
    {
        if (PlaceRefusal(finalPath) is { } place)
        {
            return place;
        }
        if (System.IO.File.Exists(finalPath))
        {
            return $"{finalPath} is a file; choose a folder with --out";
        }
        if (!Directory.Exists(finalPath) || !Directory.EnumerateFileSystemEntries(finalPath).Any())
        {
            return null;
        }
        string marker = Path.Combine(finalPath, MarkerFile);
        if (!System.IO.File.Exists(marker))
        {
            return $"{finalPath} exists and is not a laborsim output folder; laborsim replaces only its own output folders, even with --force: choose another --out";
        }
        if (WriterOf(marker) is { } other && other != verb)
        {
            var held = Directory.EnumerateFiles(finalPath).Select(Path.GetFileName).Where(n => n != MarkerFile).Order(StringComparer.Ordinal).ToList();
            string files = held.Count <= 6 ? string.Join(", ", held) : $"{string.Join(", ", held.Take(6))} and {held.Count - 6} more";
            return $"{finalPath} holds the output of 'laborsim {other}' ({files}); 'laborsim {verb}' does not replace it, even with --force: choose another --out";
        }
        return force ? null : $"{finalPath} already holds an output; pass --force to replace it, or choose another --out";
    }

    /// <summary>The verb named in a marker file, or null for a marker that names none (written before markers did).</summary>
    private static string? WriterOf(string marker)
    {
        string text;
        try
        {
            using var reader = new StreamReader(marker);
            text = reader.ReadLine() ?? "";
        }
        catch (IOException)
        {
            return null;
        }
        const string prefix = "written by laborsim ";
        int end = text.IndexOf(';', StringComparison.Ordinal);
        return text.StartsWith(prefix, StringComparison.Ordinal) && end > prefix.Length ? text[prefix.Length..end] : null;
    }

    /// <summary>
    /// Why no folder can be made at <paramref name="finalPath"/> at all, found before anything runs: an empty path, a
    /// name too long for the file system once the staging suffix is added, a parent that is a file, or a parent
    /// folder that cannot be written.
    /// </summary>
    private static string? PlaceRefusal(string finalPath)
    {
        if (string.IsNullOrWhiteSpace(finalPath))
        {
            return "the output folder is empty; give --out a folder";
        }
        string full;
        try
        {
            full = Path.GetFullPath(finalPath).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{finalPath} is not a usable path ({exception.Message}); choose another --out";
        }
        string name = Path.GetFileName(full);
        // ".NAME.partial-PID-GUID" must fit in a file system's 255 bytes too.
        int bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        if (bytes + StagingSuffixBytes > 255)
        {
            return $"the folder name {name[..Math.Min(name.Length, 40)]}... is {bytes} bytes; with laborsim's staging suffix it must stay under {255 - StagingSuffixBytes}: choose a shorter --out";
        }
        string? ancestor = Path.GetDirectoryName(full);
        while (ancestor is not null && !Directory.Exists(ancestor))
        {
            if (System.IO.File.Exists(ancestor))
            {
                return $"{ancestor} is a file, so {finalPath} cannot be made inside it; choose another --out";
            }
            ancestor = Path.GetDirectoryName(ancestor);
        }
        if (ancestor is null)
        {
            return $"no existing folder above {finalPath}; choose another --out";
        }
        try
        {
            // An output folder (summaries, CSVs, charts, report) takes a few MB; a full disk is found now, not after the runs.
            long free = new DriveInfo(ancestor).AvailableFreeSpace;
            if (free < MinimumFreeBytes)
            {
                return $"{ancestor} has only {free / 1024:N0} KB free; an output needs at least {MinimumFreeBytes >> 20} MB: free some space or choose another --out";
            }
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // The free space cannot be known here; writing will tell.
        }
        string probe = Path.Combine(ancestor, $".laborsim-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"cannot write in {ancestor} ({exception.Message}); choose another --out";
        }
        return null;
    }

    // "." + name + ".partial-" + process id (up to 10 digits) + "-" + 32 hex digits.
    private const int StagingSuffixBytes = 1 + 9 + 10 + 1 + 32;

    /// <summary>
    /// Creates a hidden staging folder next to <paramref name="finalPath"/> (same file system, so the move is a rename),
    /// marked as written by <paramref name="verb"/>.
    /// </summary>
    public static OutputFolder Begin(string finalPath, bool replace, string verb)
    {
        string full = Path.GetFullPath(finalPath).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new IOException($"{finalPath} has no parent folder");
        Directory.CreateDirectory(parent);
        RemoveAbandonedStaging(parent, Path.GetFileName(full));
        RecoverPrevious(full);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            System.IO.File.WriteAllText(Path.Combine(staging, MarkerFile), $"written by laborsim {verb}; marks a folder laborsim {verb} may replace with --force\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without its marker the staging folder is one no later run would recognise and remove.
            Directory.Delete(staging, recursive: true);
            throw;
        }
        return new OutputFolder(full, staging, replace);
    }

    /// <summary>
    /// Staging folders left by a process that was killed (SIGKILL, power loss) are removed once their process is gone:
    /// only folders named like ours, holding our marker, whose process id is not running.
    /// </summary>
    private static void RemoveAbandonedStaging(string parent, string name)
    {
        foreach (string folder in Directory.GetDirectories(parent, $".{name}.partial-*"))
        {
            string[] parts = Path.GetFileName(folder)[(name.Length + ".partial-".Length + 1)..].Split('-');
            if (parts.Length != 2 || !int.TryParse(parts[0], out int pid) || !System.IO.File.Exists(Path.Combine(folder, MarkerFile)))
            {
                continue;
            }
            bool alive;
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                alive = !process.HasExited;
            }
            catch (ArgumentException)
            {
                alive = false;
            }
            if (!alive)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another laborsim is cleaning it at the same moment.
                }
            }
        }
    }

    /// <summary>
    /// A replace killed between its two renames (where renameat2 is not available) left the old output in
    /// NAME.previous-ID and nothing at NAME: it is put back. Beside a published NAME such folders are leftovers and go
    /// (they would make a later merge of the parent folder see a shard twice). Only folders carrying our marker.
    /// </summary>
    private static void RecoverPrevious(string finalPath)
    {
        string parent = Path.GetDirectoryName(finalPath)!;
        var previous = Directory.GetDirectories(parent, Path.GetFileName(finalPath) + ".previous-*")
            .Where(folder => System.IO.File.Exists(Path.Combine(folder, MarkerFile)))
            .OrderByDescending(Directory.GetLastWriteTimeUtc)
            .ToList();
        foreach (string folder in previous)
        {
            try
            {
                if (!Directory.Exists(finalPath) && !System.IO.File.Exists(finalPath))
                {
                    Directory.Move(folder, finalPath);
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Another laborsim is recovering it at the same moment.
            }
        }
    }

    /// <summary>The staging path of file <paramref name="name"/>.</summary>
    public string File(string name) => Path.Combine(StagingPath, name);

    /// <summary>
    /// Flushes the folder to disk and publishes it in one atomic step. Without <see cref="Replace"/> the publishing
    /// rename refuses an occupied target (renameat2 RENAME_NOREPLACE), so two runs started on one --out cannot both
    /// "win": the second keeps its output beside the first's and says so (<see cref="OutputConflictException"/>). With
    /// it, an earlier laborsim folder is swapped out in one step (RENAME_EXCHANGE) and then removed, so a kill at any
    /// moment leaves either the old complete folder or the new one at the target, never nothing.
    /// </summary>
    public void Commit()
    {
        DurableFiles.FlushTree(StagingPath);
        string parent = Path.GetDirectoryName(FinalPath)!;
        if (Directory.Exists(FinalPath) && !Directory.EnumerateFileSystemEntries(FinalPath).Any())
        {
            // An empty folder (made by hand, or by mkdir -p) holds nothing to lose.
            Directory.Delete(FinalPath);
        }
        bool occupied = Directory.Exists(FinalPath) || System.IO.File.Exists(FinalPath);
        if (occupied && (!Replace || !System.IO.File.Exists(Path.Combine(FinalPath, MarkerFile))))
        {
            Conflict(Replace
                ? $"{FinalPath} appeared while running and is not a laborsim output folder"
                : $"{FinalPath} was written by another process while this one ran (no --force: it was not replaced)");
        }
        if (!occupied)
        {
            switch (AtomicRename.MoveNoReplace(StagingPath, FinalPath))
            {
                case AtomicRename.Outcome.Done:
                    break;
                case AtomicRename.Outcome.Conflict:
                    Conflict($"{FinalPath} was written by another process at the same moment (no --force: it was not replaced)");
                    break;
                default:
                    Directory.Move(StagingPath, FinalPath);
                    break;
            }
            Published(parent);
            return;
        }
        switch (AtomicRename.Swap(StagingPath, FinalPath))
        {
            case AtomicRename.Outcome.Done:
                // The staging path now holds the previous output.
                Published(parent);
                Directory.Delete(StagingPath, recursive: true);
                return;
            case AtomicRename.Outcome.Conflict:
                Conflict($"{FinalPath} was removed by another process while this one ran");
                return;
            default:
                string previous = FinalPath + $".previous-{Guid.NewGuid():N}";
                Directory.Move(FinalPath, previous);
                Directory.Move(StagingPath, FinalPath);
                Published(parent);
                Directory.Delete(previous, recursive: true);
                return;
        }
    }

    /// <summary>
    /// The output this process has published, once its publishing rename has happened (null before): a signal handler
    /// that ends the process while the previous output is still being removed must say that the new one is in place.
    /// </summary>
    public static string? PublishedInThisProcess => Volatile.Read(ref s_published);

    private static string? s_published;

    private void Published(string parent)
    {
        _committed = true;
        Volatile.Write(ref s_published, FinalPath);
        try
        {
            DurableFiles.FlushDirectory(parent);
        }
        catch (IOException exception)
        {
            // The rename has happened: the files are complete and flushed, only the new name may not survive a crash.
            throw new IOException($"{FinalPath} was published, but the disk reported an error making its name durable; check the disk and run again if it is lost after a restart ({exception.Message})", exception);
        }
    }

    // Keeps this run's complete output at a visible name beside the target and says where: a result is never deleted.
    private void Conflict(string why)
    {
        string kept = $"{FinalPath}.laborsim-{Environment.ProcessId}";
        for (int attempt = 1; Directory.Exists(kept) || System.IO.File.Exists(kept); attempt++)
        {
            kept = $"{FinalPath}.laborsim-{Environment.ProcessId}-{attempt}";
        }
        Directory.Move(StagingPath, kept);
        _committed = true;
        throw new OutputConflictException($"{why}; this run's complete output is in {kept}", kept);
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
