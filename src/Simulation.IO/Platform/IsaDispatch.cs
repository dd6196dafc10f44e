using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Simulation.IO.Platform;

/// <summary>
/// One native build for every x86-64 node. Native AOT compiles for one instruction-set level and cannot switch at run
/// time (the baseline build treats AVX as absent, not as a run-time check), so the native folder holds three binaries:
/// <c>laborsim</c> for every x86-64 CPU, <c>laborsim.x86-64-v3</c> for CPUs with AVX2, FMA and BMI (most since 2015)
/// and <c>laborsim.x86-64-v4</c> for CPUs with AVX-512 (F, BW, CD, DQ, VL). The baseline binary hands its process to
/// the highest of the two its CPU has, as the kernel reports the features (execv: same process id, arguments,
/// environment and signals); each gives the same outputs byte for byte, with less CPU the higher the level
/// (benchmarks/README.md, "Speed III"). <c>LABORSIM_ISA</c> caps the level: <c>baseline</c>, <c>x86-64-v3</c> or
/// <c>x86-64-v4</c>; the baseline binary refuses any other value (exit code 2).
/// </summary>
public static partial class IsaDispatch
{
    /// <summary>The environment variable that caps the level the baseline binary hands over to.</summary>
    public const string Variable = "LABORSIM_ISA";

    /// <summary>The value of <see cref="Variable"/> that keeps the baseline binary.</summary>
    public const string Baseline = "baseline";

    // The levels above the baseline, lowest first, as Linux names their features in /proc/cpuinfo: x86-64-v3 (with v2
    // below it; LZCNT is "abm"), then what x86-64-v4 adds. The kernel lists AVX and AVX-512 only when it saves their
    // registers, which is the operating system's part of the check.
    private static readonly (string Level, string[] Flags)[] Levels =
    [
        ("x86-64-v3", ["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "cx16", "lahf_lm", "popcnt", "pni", "ssse3", "sse4_1", "sse4_2"]),
        ("x86-64-v4", ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]),
    ];

    /// <summary>The levels a binary can be built for above the baseline, lowest first; each binary is named laborsim.LEVEL.</summary>
    public static IEnumerable<string> LevelNames => Levels.Select(level => level.Level);

    /// <summary>
    /// Replaces this process by the binary of the highest level the CPU has, when this is the baseline native binary
    /// and that binary is there; returns null (and this binary runs) otherwise, or when the hand-over fails. Returns
    /// the problem when <see cref="Variable"/> names no level: the caller refuses it as bad input.
    /// </summary>
    public static string? HandOver(string[] args)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || Avx2.IsSupported || !OperatingSystem.IsLinux()
            || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || Environment.ProcessPath is not { } self)
        {
            // The framework build's JIT already compiles for this CPU; a v3 or v4 build is already the one.
            return null;
        }
        string? cap = Environment.GetEnvironmentVariable(Variable);
        if (!IsCap(cap))
        {
            return $"{Variable}={cap} names no instruction-set level. Set it to {Baseline}, {string.Join(" or ", LevelNames)}, "
                + "or unset it for the highest level this CPU has.";
        }
        if (Choose(ReadFlags(), cap, level => File.Exists(self + "." + level)) is not { } chosen)
        {
            return null;
        }
        string sibling = self + "." + chosen;
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
        return null;
    }

    /// <summary>True for a value of <see cref="Variable"/> that is unset, empty, <see cref="Baseline"/> or a level's name.</summary>
    public static bool IsCap(string? cap) => string.IsNullOrEmpty(cap) || cap == Baseline || LevelNames.Contains(cap);

    /// <summary>
    /// The highest level, no higher than <paramref name="cap"/> (null or empty for none; <see cref="Baseline"/> for the
    /// baseline binary itself), whose every feature and every lower level's is in <paramref name="flags"/> (the "flags"
    /// line of /proc/cpuinfo) and whose binary <paramref name="present"/> says is there; null for the baseline binary.
    /// A missing binary of a higher level falls back to a lower one that is there.
    /// </summary>
    public static string? Choose(string? flags, string? cap, Func<string, bool> present)
    {
        if (flags is null || cap == Baseline)
        {
            return null;
        }
        var have = new HashSet<string>(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        string? chosen = null;
        foreach (var (level, needed) in Levels)
        {
            foreach (string flag in needed)
            {
                if (!have.Contains(flag))
                {
                    return chosen;
                }
            }
            if (present(level))
            {
                chosen = level;
            }
            if (level == cap)
            {
                break;
            }
        }
        return chosen;
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
