using System.Xml.Linq;
using Simulation.IO.Platform;
using Simulation.Testing;

namespace Simulation.IO.Tests.Platform;

/// <summary>The native binary's choice of instruction-set level, from the CPU flags Linux reports.</summary>
public class IsaDispatchTests
{
    // The "flags" line of an AMD EPYC build machine of this project (a KVM guest) without its AVX-512 flags, abridged,
    // as /proc/cpuinfo gives it: an x86-64-v3 CPU.
    private const string Epyc = " fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext "
        + "fxsr_opt pdpe1gb rdtscp lm rep_good nopl cpuid extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic "
        + "movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw "
        + "topoext invpcid_single ssbd ibrs ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 erms invpcid rdseed adx";

    // The same with the AVX-512 flags of the Intel Xeon this project was also measured on: an x86-64-v4 CPU.
    private const string Xeon = Epyc + " avx512f avx512dq avx512ifma avx512cd avx512bw avx512vl avx512vbmi avx512_vnni";

    private static readonly string[] Both = ["x86-64-v3", "x86-64-v4"];

    private static string? Choose(string? flags, string? cap = null, params string[] present) =>
        IsaDispatch.Choose(flags, cap, level => (present.Length == 0 ? Both : present).Contains(level));

    private static string Without(string flags, string missing) => string.Join(' ', flags.Split(' ').Where(flag => flag != missing));

    [Fact]
    public void Choose_LevelThreeCpu_TakesLevelThree() => Assert.Equal("x86-64-v3", Choose(Epyc));

    [Fact]
    public void Choose_LevelFourCpu_TakesLevelFour() => Assert.Equal("x86-64-v4", Choose(Xeon));

    [Theory]
    [InlineData("avx2")]
    [InlineData("fma")]
    [InlineData("bmi2")]
    [InlineData("abm")]
    [InlineData("movbe")]
    [InlineData("avx")]
    public void Choose_LevelThreeFeatureMissing_KeepsTheBaseline(string missing)
    {
        Assert.Null(Choose(Without(Epyc, missing)));
        // AVX-512 without the level below it is not x86-64-v4 either.
        Assert.Null(Choose(Without(Xeon, missing)));
    }

    [Theory]
    [InlineData("avx512f")]
    [InlineData("avx512bw")]
    [InlineData("avx512cd")]
    [InlineData("avx512dq")]
    [InlineData("avx512vl")]
    public void Choose_LevelFourFeatureMissing_TakesLevelThree(string missing) => Assert.Equal("x86-64-v3", Choose(Without(Xeon, missing)));

    [Theory]
    [InlineData("baseline", null)]
    [InlineData("x86-64-v3", "x86-64-v3")]
    [InlineData("x86-64-v4", "x86-64-v4")]
    [InlineData("", "x86-64-v4")]
    [InlineData(null, "x86-64-v4")]
    public void Choose_Cap_IsTheHighestLevelAllowed(string? cap, string? expected) => Assert.Equal(expected, Choose(Xeon, cap));

    [Fact]
    public void Choose_CapAboveTheCpu_TakesTheCpusLevel() => Assert.Equal("x86-64-v3", Choose(Epyc, "x86-64-v4"));

    [Fact]
    public void Choose_HigherBinaryMissing_FallsBackToOneThatIsThere()
    {
        Assert.Equal("x86-64-v3", Choose(Xeon, null, "x86-64-v3"));
        Assert.Equal("x86-64-v4", Choose(Xeon, null, "x86-64-v4"));
        Assert.Null(Choose(Epyc, null, "x86-64-v4"));
        Assert.Null(Choose(Xeon, null, "no such level"));
    }

    [Fact]
    public void Choose_NoFlagsLine_KeepsTheBaseline() => Assert.Null(Choose(null));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("baseline", true)]
    [InlineData("x86-64-v3", true)]
    [InlineData("x86-64-v4", true)]
    [InlineData("v4", false)]
    [InlineData("X86-64-V3", false)]
    [InlineData("avx2", false)]
    public void IsCap_OnlyTheBaselineAndTheLevels(string? cap, bool expected) => Assert.Equal(expected, IsaDispatch.IsCap(cap));

    [Fact]
    public void LevelNames_AreTheBinariesTheProjectPublishes()
    {
        Assert.Equal(Both, IsaDispatch.LevelNames);
        // The CLI project's publish builds one binary per level (its LaborsimLevel items): the same list, in order.
        var project = XDocument.Load(Path.Combine(TestScenarios.RepositoryRoot, "src", "Simulation.Cli", "Simulation.Cli.csproj"));
        var published = project.Descendants("LaborsimLevel").SelectMany(item => item.Attribute("Include")!.Value.Split(';'));
        Assert.Equal(IsaDispatch.LevelNames, published);
    }

    [Fact]
    public void HandOver_FrameworkBuild_ReturnsAndRunsHere()
    {
        // The test host is a framework (JIT) process: it compiles for this CPU already and never hands over.
        Assert.Null(IsaDispatch.HandOver(["--version"]));
        Assert.True(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported);
    }
}
