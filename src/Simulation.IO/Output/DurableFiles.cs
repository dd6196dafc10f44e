using System.Runtime.InteropServices;

namespace Simulation.IO.Output;

/// <summary>
/// fsync for files and folders, so that a rename that publishes an output is not reordered before the data it
/// publishes on power loss. Directories cannot be flushed through .NET's file APIs, hence libc's open and fsync.
/// </summary>
public static partial class DurableFiles
{
    /// <summary>Flushes a file's data to the disk.</summary>
    public static void FlushFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes every file below <paramref name="folder"/>, then the folders themselves.</summary>
    public static void FlushTree(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            FlushFile(file);
        }
        foreach (string directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories))
        {
            FlushDirectory(directory);
        }
        FlushDirectory(folder);
    }

    /// <summary>Flushes a folder's entries (new names, renames) to the disk; a no-op where the platform has no such call.</summary>
    public static void FlushDirectory(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        int fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return;
        }
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
