using Simulation.Core.MonteCarlo;

namespace Simulation.IO.Shards;

/// <summary>
/// The shard folders of one run, checked to come from the same scenario, seed and engine, with every shard present
/// exactly once and every state file intact, then combined.
/// </summary>
public sealed record ShardSet(IReadOnlyList<ShardManifest> Manifests, SummaryState Combined, string ScenarioFile, double ElapsedSeconds)
{
    /// <summary>Shard folders named on the command line; a folder holding shard folders stands for all of them.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> folders)
    {
        var expanded = new List<string>();
        foreach (string folder in folders)
        {
            if (!File.Exists(Path.Combine(folder, "shard.json")) && Directory.Exists(folder))
            {
                var children = Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "shard.json"))).Order(StringComparer.Ordinal).ToList();
                if (children.Count > 0)
                {
                    expanded.AddRange(children);
                    continue;
                }
            }
            expanded.Add(folder);
        }
        return expanded;
    }

    /// <summary>Loads and checks every folder; throws <see cref="ShardFormatException"/> listing every problem found.</summary>
    public static ShardSet Load(IReadOnlyList<string> folders, string engineVersion)
    {
        var problems = new List<string>();
        var manifests = new List<(string Folder, ShardManifest Manifest)>();
        foreach (string folder in folders)
        {
            try
            {
                manifests.Add((folder, ShardManifest.Read(Path.Combine(folder, "shard.json"))));
            }
            catch (ShardFormatException exception)
            {
                problems.Add(exception.Message);
            }
        }
        if (manifests.Count == 0)
        {
            problems.Add("no shard folders to merge");
            throw new ShardFormatException(string.Join("\n", problems));
        }
        var reference = manifests[0].Manifest;
        string referenceFolder = manifests[0].Folder;
        foreach (var (folder, m) in manifests.Skip(1))
        {
            if (m.Fingerprint != reference.Fingerprint || m.Seed != reference.Seed || m.Runs != reference.Runs || m.Months != reference.Months)
            {
                problems.Add($"{folder}: from another run ({m.Scenario}, seed {m.Seed}, {m.Runs} runs, fingerprint {m.Fingerprint[..12]}) "
                    + $"than {referenceFolder} ({reference.Scenario}, seed {reference.Seed}, {reference.Runs} runs, fingerprint {reference.Fingerprint[..12]})");
            }
            if (m.ShardCount != reference.ShardCount)
            {
                problems.Add($"{folder}: one of {m.ShardCount} shards, but {referenceFolder} is one of {reference.ShardCount}");
            }
        }
        foreach (var (folder, m) in manifests)
        {
            if (m.EngineVersion != engineVersion)
            {
                problems.Add($"{folder}: written by laborsim {m.EngineVersion}, this is {engineVersion}; run every shard and the merge with one version");
            }
            if (m.ShardCount < 1 || m.ShardIndex < 0 || m.ShardIndex >= m.ShardCount)
            {
                problems.Add($"{folder}: shard index {m.ShardIndex} of {m.ShardCount} is impossible");
                continue;
            }
            var (first, end) = MonteCarloRunner.ShardBlocks(m.Runs, m.ShardIndex, m.ShardCount);
            if (m.FirstBlock != first || m.EndBlock != end)
            {
                problems.Add($"{folder}: claims blocks {m.FirstBlock} to {m.EndBlock - 1}, but {m} has blocks {first} to {end - 1}");
            }
        }
        var byIndex = manifests.GroupBy(x => x.Manifest.ShardIndex).ToDictionary(g => g.Key, g => g.Select(x => x.Folder).ToList());
        foreach (var (index, list) in byIndex)
        {
            if (list.Count > 1)
            {
                problems.Add($"shard {index} is given {list.Count} times: {string.Join(", ", list)}; give each shard once");
            }
        }
        var missing = Enumerable.Range(0, reference.ShardCount).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing {(missing.Count == 1 ? "shard" : "shards")} {string.Join(", ", missing)} of {reference.ShardCount}; run them (or resubmit the failed array tasks) and merge again");
        }
        if (problems.Count > 0)
        {
            throw new ShardFormatException(string.Join("\n", problems));
        }

        var states = new List<SummaryState>();
        foreach (var (folder, m) in manifests)
        {
            try
            {
                var state = SummaryStateFormat.Read(Path.Combine(folder, m.StateFile), m.Binding);
                if (state.FirstBlock != m.FirstBlock || state.EndBlock != m.EndBlock || state.Months != m.Months)
                {
                    problems.Add($"{folder}: its state file does not match its shard.json; run this shard again");
                }
                states.Add(state);
            }
            catch (ShardFormatException exception)
            {
                problems.Add(exception.Message);
            }
        }
        string scenarioFile = Path.Combine(referenceFolder, "scenario.yaml");
        if (!File.Exists(scenarioFile))
        {
            problems.Add($"{referenceFolder}: scenario.yaml is missing");
        }
        if (problems.Count > 0)
        {
            throw new ShardFormatException(string.Join("\n", problems));
        }
        try
        {
            var combined = SummaryState.Combine(states);
            return new ShardSet(manifests.Select(x => x.Manifest).OrderBy(m => m.ShardIndex).ToList(), combined, scenarioFile,
                manifests.Sum(x => x.Manifest.ElapsedSeconds));
        }
        catch (ArgumentException exception)
        {
            throw new ShardFormatException($"the shards do not fit together: {exception.Message}");
        }
    }
}
