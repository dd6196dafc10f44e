using System.Globalization;
using Simulation.Core.Distributions;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>The rule every list of weighted items keeps (channels, money channels, destinations): shares written as plain numbers sum to 1.</summary>
internal static class ShareWeights
{
    /// <summary>Records a problem at <paramref name="node"/> when every share of <paramref name="items"/> is a plain number and they do not sum to 1 (within 1e-9).</summary>
    public static void CheckSumToOne(YamlNode node, string key, IReadOnlyList<(string Name, InputDistribution Share)> items, ProblemList problems)
    {
        if (!items.All(item => item.Share.IsFixed))
        {
            return;
        }
        double sum = items.Sum(item => item.Share.Mean);
        if (Math.Abs(sum - 1) > 1e-9)
        {
            string parts = string.Join(" + ", items.Select(item => $"{item.Name} {item.Share.Mean.ToString("G", CultureInfo.InvariantCulture)}"));
            problems.Add(node, key, $"the shares must sum to 1, got {sum.ToString("G10", CultureInfo.InvariantCulture)} ({parts}); adjust them");
        }
    }
}
