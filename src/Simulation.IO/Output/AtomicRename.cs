using System.Runtime.InteropServices;

namespace Simulation.IO.Output;

/// <summary>
/// Linux's renameat2(2): a rename that refuses an occupied target (RENAME_NOREPLACE), or swaps two paths in one step
/// (RENAME_EXCHANGE). Either way no moment exists where the target is missing or another process's folder is silently
/// overwritten. Where the system or the file system does not offer it, <see cref="Supported"/> is false and callers
/// fall back to checking and moving.
/// </summary>
public static partial class AtomicRename
{
    private const int AtFdCwd = -100;
    private const uint NoReplace = 1;
    private const uint Exchange = 2;
    private const int EExist = 17;
    private const int ENotEmpty = 39;
    private const int ENoSys = 38;
    private const int EInval = 22;
    private const int ENoEnt = 2;

    /// <summary>The result of an attempt.</summary>
    public enum Outcome
    {
        /// <summary>Done.</summary>
        Done,

        /// <summary>The target exists (RENAME_NOREPLACE) or does not (RENAME_EXCHANGE).</summary>
        Conflict,

        /// <summary>renameat2 or the flag is not available here: fall back.</summary>
        Unsupported,
    }

    /// <summary>True on Linux, where renameat2 exists.</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/> unless something already exists there.</summary>
    public static Outcome MoveNoReplace(string source, string target) => Call(source, target, NoReplace);

    /// <summary>Swaps <paramref name="source"/> and <paramref name="target"/>, both of which must exist.</summary>
    public static Outcome Swap(string source, string target) => Call(source, target, Exchange);

    private static Outcome Call(string source, string target, uint flags)
    {
        if (!Supported)
        {
            return Outcome.Unsupported;
        }
        if (RenameAt2(AtFdCwd, source, AtFdCwd, target, flags) == 0)
        {
            return Outcome.Done;
        }
        int error = Marshal.GetLastPInvokeError();
        return error switch
        {
            EExist or ENotEmpty => Outcome.Conflict,
            ENoSys or EInval => Outcome.Unsupported,
            // ENOENT under RENAME_EXCHANGE: the target vanished.
            ENoEnt when flags == Exchange => Outcome.Conflict,
            _ => throw new IOException($"cannot move {source} to {target}: {Marshal.GetPInvokeErrorMessage(error)}"),
        };
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
