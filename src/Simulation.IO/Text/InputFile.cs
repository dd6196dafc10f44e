using System.Runtime.InteropServices;

namespace Simulation.IO.Text;

/// <summary>
/// The one check every input file passes before it is opened: it must be a regular file. A FIFO blocks the open until
/// something writes to it (a hang no size limit can stop, since the limit applies only once reading starts), and a
/// device or socket is never what laborsim wrote or what a user meant to give.
/// </summary>
public static partial class InputFile
{
    private const int CurrentFolder = -100;
    private const uint TypeOnly = 1;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;

    /// <summary>Why <paramref name="path"/> cannot be read as <paramref name="what"/> ("a scenario file"), or null if it is a regular file.</summary>
    public static string? Refusal(string path, string what)
    {
        if (Directory.Exists(path))
        {
            return $"is a folder, not {what}; name a file inside it";
        }
        if (!File.Exists(path))
        {
            return "no such file; check the path" + (what == "a scenario file" ? " (shipped scenarios are in scenarios/)" : "");
        }
        return Kind(path) is { } kind ? $"is {kind}, not a regular file: {what} is read only from a file on disk (save it to a file first)" : null;
    }

    // The file type of path (links followed) when it is not a regular file; null for a regular file or where the
    // platform cannot say (then File.Exists, true above, is all there is).
    private static string? Kind(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(CurrentFolder, path, 0, TypeOnly, buffer) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        int type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type switch
        {
            RegularFile => null,
            0x1000 => "a pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a file",
        };
    }

    // statx's buffer has the same layout on every architecture, unlike stat's.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int folder, string path, int flags, uint mask, byte[] buffer);
}
