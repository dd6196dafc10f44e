using Simulation.Core.Catalogue;

namespace Simulation.Plotting.Tests;

/// <summary>Money ticks in one unit per axis: the unit of the axis's largest end (issue "Reports a policy reader can trust, II", item 9).</summary>
public sealed class TickUnitTests
{
    [Theory]
    [InlineData(500_000, 6.5e6, "$0.5M")]
    [InlineData(5_000_000, 6.5e6, "$5M")]
    [InlineData(6_500_000, 6.5e6, "$6.5M")]
    [InlineData(250_000_000, 1.5e9, "$0.25B")]
    [InlineData(1_000_000_000, 1.5e9, "$1B")]
    [InlineData(50_000, 400_000, "$50,000")]
    [InlineData(0, 6.5e6, "$0")]
    public void MoneyTick_TakesTheAxisUnit(double value, double axisLargest, string expected) =>
        Assert.Equal(expected, NumberText.Tick(value, OutputKind.Money, axisLargest));

    [Fact]
    public void OtherKinds_AreUnchanged()
    {
        Assert.Equal(NumberText.Tick(25_000, OutputKind.Stock), NumberText.Tick(25_000, OutputKind.Stock, 1e6));
        Assert.Equal("25%", NumberText.Tick(0.25, OutputKind.ZeroOne, 1));
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(0.25, "0.25")]
    [InlineData(0.5, "0.5")]
    [InlineData(0, "0")]
    [InlineData(12000, "12,000")]
    [InlineData(-0.125, "-0.125")]
    public void AsGiven_AWholeNumberHasNoDecimals_AFractionKeepsItsOwn(double value, string expected) => Assert.Equal(expected, NumberText.AsGiven(value));
}
