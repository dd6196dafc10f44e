namespace Simulation.IO.Scenarios;

/// <summary>
/// A value given on the command line that replaces a key of the file: <c>--set key.path=VALUE</c>, or
/// <c>--runs</c>, <c>--seed</c> and <c>--months</c>. <see cref="Source"/> is how the user typed it, for messages.
/// </summary>
public sealed record ScenarioOverride(string KeyPath, string ValueYaml, string Source)
{
    /// <summary>Parses "key.path=VALUE"; null when there is no '=' or no key.</summary>
    public static ScenarioOverride? Parse(string assignment)
    {
        int equals = assignment.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }
        string key = assignment[..equals].Trim();
        return key.Length == 0 ? null : new ScenarioOverride(key, assignment[(equals + 1)..], $"--set {assignment}");
    }
}
