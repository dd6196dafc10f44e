using Simulation.IO.Platform;

namespace Simulation.IO.Tests.Platform;

/// <summary>The native binary's choice of instruction-set level, from the CPU flags Linux reports.</summary>
public class IsaDispatchTests
{
    // The "flags" line of this project's AMD EPYC build machine (a KVM guest), abridged, as /proc/cpuinfo gives it.
    private const string Epyc = " fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext "
        + "fxsr_opt pdpe1gb rdtscp lm rep_good nopl cpuid extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic "
        + "movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw "
        + "topoext invpcid_single ssbd ibrs ibpb stibp vmmcall fsgsbase bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx";

    [Fact]
    public void HasLevelThree_EveryFeaturePresent_IsTrue() => Assert.True(IsaDispatch.HasLevelThree(Epyc));

    [Theory]
    [InlineData("avx2")]
    [InlineData("fma")]
    [InlineData("bmi2")]
    [InlineData("abm")]
    [InlineData("movbe")]
    [InlineData("avx")]
    public void HasLevelThree_OneFeatureMissing_IsFalse(string missing)
    {
        string flags = string.Join(' ', Epyc.Split(' ').Where(flag => flag != missing));
        Assert.False(IsaDispatch.HasLevelThree(flags));
    }

    [Fact]
    public void HasLevelThree_NoFlagsLine_IsFalse() => Assert.False(IsaDispatch.HasLevelThree(null));

    [Fact]
    public void HandOver_FrameworkBuild_ReturnsAndRunsHere()
    {
        // The test host is a framework (JIT) process: it compiles for this CPU already and never hands over.
        IsaDispatch.HandOver(["--version"]);
        Assert.True(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported);
    }
}
