using System.Security.Cryptography;
using System.Text;

namespace Simulation.IO.Scenarios;

/// <summary>A short, stable identity of a scenario as run: SHA-256 of its written-out YAML (every key, overrides applied).</summary>
public static class ScenarioFingerprint
{
    /// <summary>Hex SHA-256 of <see cref="ScenarioDocument.ToYaml"/> with a fixed header, and of the posterior's particles if it has one.</summary>
    public static string Of(ScenarioDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.PosteriorText is { } posterior
            ? document.ToYaml("fingerprint", "posterior") + "\n" + posterior
            : document.ToYaml("fingerprint"))));
}
