using Simulation.Core.Discovery;

namespace Simulation.Core.Decisions;

/// <summary>
/// Which futures break a policy: the futures where it fails (misses the satisficing condition, or regrets more than
/// the bound), and PRIM's box over the uncertain inputs that concentrates them; no box when it never fails, always
/// fails, or no input varies.
/// </summary>
public sealed record FailureAnalysis(string Policy, string Question, int Failures, int Futures, DiscoveryResult? Box)
{
    /// <summary>The share of futures where the policy fails.</summary>
    public double Share => Futures == 0 ? double.NaN : (double)Failures / Futures;
}
