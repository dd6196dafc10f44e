using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Simulation.IO.Platform;

/// <summary>
/// One native build for every x86-64 node. Native AOT compiles for one instruction-set level and cannot switch at run
/// time (the baseline build treats AVX as absent, not as a run-time check), so the native folder holds two binaries:
/// <c>laborsim</c> for every x86-64 CPU and <c>laborsim.x86-64-v3</c> for CPUs with AVX2, FMA and BMI (most since
/// 2015). The baseline binary, started on a CPU whose kernel reports the x86-64-v3 features, hands its process to the
/// other one (execv: same process id, arguments, environment and signals), which gives the same outputs byte for
/// byte with less CPU (benchmarks/README.md, "Speed III"). <c>LABORSIM_ISA=baseline</c> keeps the baseline binary.
/// </summary>
public static partial class IsaDispatch
{
    /// <summary>The name of the x86-64-v3 binary: the baseline binary's path with this appended.</summary>
    public const string Suffix = ".x86-64-v3";

    /// <summary>The environment variable that keeps the baseline binary when set to <c>baseline</c>.</summary>
    public const string Variable = "LABORSIM_ISA";

    // The x86-64-v3 level (and v2 below it) as Linux names the features in /proc/cpuinfo; LZCNT is "abm". The kernel
    // lists AVX only when it saves the AVX registers, which is the operating system's part of the check.
    private static readonly string[] LevelThreeFlags =
        ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "cx16", "lahf_lm", "popcnt", "pni", "ssse3", "sse4_1", "sse4_2"];

    /// <summary>
    /// Replaces this process by the x86-64-v3 binary when this is the baseline native binary, the CPU has that level
    /// and the binary is there; returns (and this binary runs) otherwise, or when the hand-over fails.
    /// </summary>
    public static void HandOver(string[] args)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || Avx2.IsSupported || !OperatingSystem.IsLinux()
            || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || Environment.GetEnvironmentVariable(Variable) == "baseline"
            || Environment.ProcessPath is not { } self)
        {
            // The framework build's JIT already compiles for this CPU; a v3 build is already the one.
            return;
        }
        string sibling = self + Suffix;
        if (!File.Exists(sibling) || !HasLevelThree(ReadFlags()))
        {
            return;
        }
        var argv = new nint[args.Length + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(sibling);
        for (int i = 0; i < args.Length; i++)
        {
            argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        }
        Exec(sibling, argv);
        // Only a failed execv returns: the baseline binary does the work.
        foreach (nint arg in argv)
        {
            Marshal.FreeCoTaskMem(arg);
        }
    }

    /// <summary>True when the CPU flags (the "flags" line of /proc/cpuinfo) include every x86-64-v3 feature.</summary>
    public static bool HasLevelThree(string? flags)
    {
        if (flags is null)
        {
            return false;
        }
        var present = new HashSet<string>(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        foreach (string flag in LevelThreeFlags)
        {
            if (!present.Contains(flag))
            {
                return false;
            }
        }
        return true;
    }

    private static string? ReadFlags()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("flags", StringComparison.Ordinal) && line.IndexOf(':') is int colon and >= 0)
                {
                    return line[(colon + 1)..];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Exec(string path, [In] nint[] argv);
}
