using System.Runtime.InteropServices;

namespace Simulation.IO.Output;

/// <summary>
/// fsync for files and folders, so that a rename that publishes an output is not reordered before the data it
/// publishes on power loss. libc's open and fsync are called directly and their results checked: .NET's
/// <c>FileStream.Flush(true)</c> ignores an fsync that fails with EIO, and a write the disk lost must not be
/// published as a result.
/// </summary>
public static partial class DurableFiles
{
    private const int OpenReadOnly = 0;
    private const int NoSuchFile = 2;
    private const int InvalidArgument = 22;

    /// <summary>Flushes a file's data to the disk; throws <see cref="IOException"/> if the disk reports an error.</summary>
    public static void FlushFile(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            stream.Flush(flushToDisk: true);
            return;
        }
        Sync(path);
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
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Sync(folder);
        }
    }

    private static void Sync(string path)
    {
        int fd = Open(path, OpenReadOnly);
        if (fd < 0)
        {
            int openError = Marshal.GetLastPInvokeError();
            throw new IOException($"{path}: cannot be opened to flush it to the disk ({Describe(openError)})");
        }
        try
        {
            // EINVAL: the file system has no fsync for this kind of file (some network and FUSE mounts); nothing
            // is lost by it. Every other error (EIO, ENOSPC, EDQUOT) means written data may not be on the disk.
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is int error && error != InvalidArgument)
            {
                throw new IOException($"{path}: the disk reported an error when flushing it ({Describe(error)}); nothing written since the last successful flush can be trusted, so it was not published");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static string Describe(int errno) => errno == NoSuchFile ? "no such file" : $"{Marshal.GetPInvokeErrorMessage(errno)}, errno {errno}";

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
