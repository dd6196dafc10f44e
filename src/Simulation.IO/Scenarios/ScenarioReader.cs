using System.Text;
using System.Text.RegularExpressions;
using Simulation.Core.Calendar;
using Simulation.Core.Catalogue;
using Simulation.Core.Distributions;
using Simulation.Core.Model;
using Simulation.IO.Text;
using Simulation.IO.Yaml;

namespace Simulation.IO.Scenarios;

/// <summary>
/// Loads and validates scenario files (docs/scenario-format.md): every problem is collected with file, line,
/// column, key path, what was expected and what was found, so a bad file is refused before any run.
/// </summary>
public static partial class ScenarioReader
{
    /// <summary>Scenario files larger than this are refused as probably not scenario files.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Most files in one chain of <c>extends:</c>.</summary>
    public const int MaxExtendsDepth = 16;

    private const string ScenarioFile = "a scenario file";

    /// <summary>
    /// Reads the file at <paramref name="path"/> and applies <paramref name="overrides"/>; with <paramref name="strict"/>
    /// an invalid correlation matrix is refused instead of repaired.
    /// </summary>
    public static ScenarioLoadResult LoadFile(string path, IReadOnlyList<ScenarioOverride>? overrides = null, bool strict = false)
    {
        var problems = new ProblemList();
        string? text = TextFileReader.Read(path, MaxFileBytes, problems, ScenarioFile);
        return text is null ? Fail(problems) : Load(text, path, overrides, strict);
    }

    /// <summary>Reads scenario YAML <paramref name="text"/> named <paramref name="source"/> in messages.</summary>
    public static ScenarioLoadResult Load(string text, string source, IReadOnlyList<ScenarioOverride>? overrides = null, bool strict = false)
    {
        var problems = new ProblemList();
        var start = new SourcePosition(source, 1, 1);
        var values = ReadValues(text, source, problems, [Path.GetFullPath(source)]);
        if (values is null)
        {
            return Fail(problems);
        }
        foreach (var change in overrides ?? [])
        {
            ApplyOverride(change, values, problems);
        }
        foreach (var key in ScenarioSchema.Keys)
        {
            if (values.ContainsKey(key.Path))
            {
                continue;
            }
            if (key.IsRequired)
            {
                problems.Add(start, key.Path, $"is missing; add e.g. '{key.Path}: my-scenario' ({key.Meaning})");
                continue;
            }
            values[key.Path] = YamlTreeReader.Read(key.DefaultYaml!, "default")!;
        }
        if (problems.Count > 0 && values.Count < ScenarioSchema.Keys.Count)
        {
            // Still convert what is there, so that every problem is reported in one go.
            foreach (var key in ScenarioSchema.Keys)
            {
                values.TryAdd(key.Path, YamlTreeReader.Read(key.DefaultYaml ?? "placeholder", "default")!);
            }
        }
        var warnings = new ProblemList();
        if (overrides is { Count: > 0 } && problems.Count == 0)
        {
            MaskedProblems(text, source, overrides, problems);
        }
        var scenario = Convert(values, problems, warnings);
        string? posteriorText = null;
        if (scenario is not null && problems.Count == 0 && values["posterior"] is { } posterior and not YamlScalar { IsNull: true })
        {
            scenario = PosteriorReader.Read(posterior, scenario, overrides, problems, warnings, out posteriorText);
        }
        if (scenario is not null && problems.Count == 0)
        {
            // After the posterior, which may take inputs out of the correlations' reach.
            var sampling = SamplingReader.Read(values["sampling"], scenario, problems);
            var correlations = CorrelationReader.Read(values["correlations"], scenario, problems, warnings, strict);
            if (sampling is { } method && method != Simulation.Core.Sampling.SamplingMethod.MonteCarlo && correlations is { Count: > 0 })
            {
                // The copula reorders the design's numbers: a Latin hypercube's strata (36.5% of them empty when measured)
                // and Sobol's even filling are lost, so the design would promise what the runs do not deliver.
                problems.Add(values["sampling"], "sampling.method", $"{SamplingReader.Name(method)} cannot keep its design for correlated inputs (the correlations reorder its draws); "
                    + "use sampling: {method: monte-carlo} (independent draws) with correlations:, or leave correlations: out to keep the design");
            }
            else if (sampling is { } chosen && correlations is not null)
            {
                scenario = scenario with { Sampling = chosen, Correlations = correlations };
            }
        }
        if (scenario is not null && problems.Count == 0)
        {
            // Last: a lever must be a fixed parameter of the scenario as it finally is (a posterior draws its inputs).
            var levers = LeverReader.Read(values["levers"], scenario, problems);
            if (levers is not null)
            {
                scenario = scenario with { Levers = levers };
                var policies = PolicyReader.Read(values["policies"], scenario, problems);
                if (policies is not null)
                {
                    scenario = scenario with { Policies = policies };
                    if (PolicyReader.InForce(values["policy"], scenario, problems) is { } policy)
                    {
                        scenario = scenario.ForPolicy(policy);
                    }
                }
            }
        }
        IReadOnlyList<Simulation.Core.Calibration.Observation> record = [];
        if (scenario is not null && problems.Count == 0)
        {
            record = RecordReader.Read(values["observed"], scenario, problems) ?? [];
            if (ExpectationReader.Read(values["expect"], scenario, problems) is { } claims)
            {
                scenario = scenario with { Expectations = claims };
            }
        }
        return problems.Count > 0
            ? Fail(problems)
            : new ScenarioLoadResult(scenario, new ScenarioDocument(values) { PosteriorText = posteriorText, Record = record }, []) { Warnings = warnings.Items };
    }

    private static ScenarioLoadResult Fail(ProblemList problems) => new(null, null, problems.Items);

    // A value the command line replaces is still the file's: a file that 'validate' refuses (runs: many) is refused
    // by 'run --runs 200' too, naming the file's line, instead of running because the bad value was never looked at.
    private static void MaskedProblems(string text, string source, IReadOnlyList<ScenarioOverride> overrides, ProblemList problems)
    {
        var fileProblems = new ProblemList();
        var original = ReadValues(text, source, fileProblems, [Path.GetFullPath(source)]);
        if (original is null)
        {
            return;
        }
        foreach (var key in ScenarioSchema.Keys)
        {
            if (!original.ContainsKey(key.Path))
            {
                original[key.Path] = YamlTreeReader.Read(key.DefaultYaml ?? "placeholder", "default")!;
            }
        }
        Convert(original, fileProblems, new ProblemList());
        foreach (var problem in fileProblems.Items)
        {
            bool masked = overrides.Any(o => problem.KeyPath == o.KeyPath || problem.KeyPath.StartsWith(o.KeyPath + ".", StringComparison.Ordinal)
                || o.KeyPath.StartsWith(problem.KeyPath + ".", StringComparison.Ordinal));
            if (masked && problem.Position.Source == source)
            {
                problems.Add(problem.Position, problem.KeyPath, problem.Message + " (in the file; a value given on the command line does not mend the file: fix it there)");
            }
        }
    }

    /// <summary>
    /// The keys of one file as YAML nodes, those of the file it <c>extends:</c> first (recursively), so that a variant
    /// writes only what differs. Every node keeps the position of the file it came from, so messages point there.
    /// </summary>
    private static Dictionary<string, YamlNode>? ReadValues(string text, string source, ProblemList problems, List<string> chain)
    {
        var start = new SourcePosition(source, 1, 1);
        YamlNode? root;
        try
        {
            root = YamlTreeReader.Read(text, source);
        }
        catch (YamlSyntaxException exception)
        {
            problems.Add(exception.Position, "", exception.Message);
            return null;
        }
        if (root is null)
        {
            problems.Add(start, "", "the file is empty; a scenario needs at least 'scenario: NAME' (see scenarios/donbas-baseline.yaml)");
            return null;
        }
        if (root is not YamlMapping mapping)
        {
            problems.Add(root, "", $"a scenario file must be a mapping of keys such as 'scenario:', 'months:', 'demand:', got {root.Describe()}");
            return null;
        }
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var extends = mapping.Entries.Where(e => e.Key.Value == "extends").ToList();
        if (extends.Count > 0)
        {
            var (key, node) = (extends[0].Key, extends[0].Value);
            if (extends.Count > 1)
            {
                problems.Add(extends[1].Key, "extends", $"duplicate key (first given at line {key.Position.Line}); a scenario extends one file");
                return null;
            }
            string? basePath = node is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0
                ? Path.Combine(Path.GetDirectoryName(source) ?? "", scalar.Value.Trim())
                : null;
            if (basePath is null)
            {
                problems.Add(node, "extends", $"must name the scenario file this one changes, e.g. 'extends: donbas-baseline.yaml', got {node.Describe()}");
                return null;
            }
            string full = Path.GetFullPath(basePath);
            if (chain.Contains(full))
            {
                problems.Add(node, "extends", $"{basePath} is already in the chain ({string.Join(" -> ", chain.Select(Path.GetFileName))}): a scenario cannot extend itself");
                return null;
            }
            if (chain.Count >= MaxExtendsDepth)
            {
                problems.Add(node, "extends", $"more than {MaxExtendsDepth} files extend one another; flatten the chain");
                return null;
            }
            if (!File.Exists(basePath))
            {
                problems.Add(node, "extends", Directory.Exists(basePath) ? $"{basePath}: is a folder, not a scenario file; name the .yaml file inside it"
                    : $"{basePath}: no such file (the path is relative to {(Path.GetDirectoryName(source) is { Length: > 0 } d ? d : "the current folder")})");
                return null;
            }
            string? baseText = TextFileReader.Read(basePath, MaxFileBytes, problems, ScenarioFile);
            var baseValues = baseText is null ? null : ReadValues(baseText, basePath, problems, [.. chain, full]);
            if (baseValues is null)
            {
                return null;
            }
            foreach (var (path, value) in baseValues)
            {
                // A file's claims are about its own results: a variant that changes the assumptions makes its own.
                if (path != "expect")
                {
                    values[path] = value;
                }
            }
            if (!mapping.Entries.Any(e => e.Key.Value == "scenario"))
            {
                problems.Add(key, "scenario", "a scenario that extends another must name itself, so that its results do not land in the other's folder: add 'scenario: NAME'");
            }
        }
        var own = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        Collect(mapping, own, problems);
        if (extends.Count > 0 && !own.ContainsKey("description") && values.TryGetValue("scenario", out var parentName) && parentName is YamlScalar parent)
        {
            // A variant that tells no story of its own must not pass off its parent's as its own: it says what it
            // is and what it changes, then quotes the parent.
            var changed = own.Keys.Where(k => k is not ("scenario" or "description")).ToList();
            string parentStory = values.TryGetValue("description", out var story) && story is YamlScalar { IsNull: false } told && told.Value.Trim().Length > 0
                ? $" {parent.Value.Trim()}: {told.Value.Trim()}" : "";
            values["description"] = new YamlScalar(mapping.Position, $"Variant of {parent.Value.Trim()}: changes {(changed.Count == 0 ? "nothing" : string.Join(", ", changed))}.{parentStory}", true);
        }
        foreach (var (path, value) in own)
        {
            values[path] = value;
        }
        return values;
    }

    private static void Collect(YamlMapping root, Dictionary<string, YamlNode> values, ProblemList problems)
    {
        var topLevel = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        var topNames = new List<string>(ScenarioSchema.Sections) { "extends" };
        foreach (var key in ScenarioSchema.Keys)
        {
            if (key.Section.Length == 0)
            {
                topNames.Add(key.Path);
            }
        }
        foreach (var (keyNode, value) in root.Entries)
        {
            string key = keyNode.Value;
            if (key == "extends")
            {
                continue;
            }
            if (!topLevel.TryAdd(key, keyNode))
            {
                problems.Add(keyNode, key, $"duplicate key (first given at line {topLevel[key].Position.Line}); keep one");
                continue;
            }
            if (ScenarioSchema.Sections.Contains(key))
            {
                CollectSection(key, keyNode, value, values, problems);
            }
            else if (ScenarioSchema.Find(key) is { Section.Length: 0 })
            {
                values[key] = value;
            }
            else
            {
                problems.Add(keyNode, key, UnknownKeyMessage(key, topNames, ""));
            }
        }
    }

    private static void CollectSection(string section, YamlScalar keyNode, YamlNode value, Dictionary<string, YamlNode> values, ProblemList problems)
    {
        if (value is YamlScalar { IsNull: true })
        {
            return;
        }
        var names = new List<string>();
        foreach (var key in ScenarioSchema.Keys)
        {
            if (key.Section == section)
            {
                names.Add(key.Name);
            }
        }
        if (value is not YamlMapping mapping)
        {
            problems.Add(value, section, $"must be a section of keys ({string.Join(", ", names)}), got {value.Describe()}");
            return;
        }
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var (subKey, subValue) in mapping.Entries)
        {
            string path = $"{section}.{subKey.Value}";
            if (!seen.TryAdd(subKey.Value, subKey))
            {
                problems.Add(subKey, path, $"duplicate key (first given at line {seen[subKey.Value].Position.Line}); keep one");
                continue;
            }
            if (ScenarioSchema.Find(path) is null)
            {
                problems.Add(subKey, path, UnknownKeyMessage(subKey.Value, names, section));
                continue;
            }
            values[path] = subValue;
        }
    }

    private static string UnknownKeyMessage(string key, IReadOnlyList<string> siblings, string section)
    {
        string where = section.Length > 0 ? $"in section '{section}'" : "at the top level";
        string? suggestion = Spelling.Closest(key, siblings);
        if (suggestion is not null)
        {
            return $"unknown key {where}; did you mean '{suggestion}'?";
        }
        foreach (var definition in ScenarioSchema.Keys)
        {
            if (definition.Name == key && definition.Section != section)
            {
                return definition.Section.Length > 0
                    ? $"unknown key {where}; '{key}' belongs in section '{definition.Section}'"
                    : $"unknown key {where}; '{key}' belongs at the top level, not indented";
            }
        }
        return $"unknown key {where}; known keys are {string.Join(", ", siblings)} (see 'laborsim validate --defaults')";
    }

    private static void ApplyOverride(ScenarioOverride change, Dictionary<string, YamlNode> values, ProblemList problems)
    {
        var position = new SourcePosition(change.Source, 0, 0);
        var definition = ScenarioSchema.Find(change.KeyPath);
        bool inList = definition is null && ListOverride.Matches(change.KeyPath);
        if (definition is null && !inList)
        {
            var paths = new List<string>();
            foreach (var key in ScenarioSchema.Keys)
            {
                paths.Add(key.Path);
            }
            string? suggestion = Spelling.Closest(change.KeyPath, paths);
            string hint = suggestion is null ? "; see 'laborsim validate --defaults' for every key" : $"; did you mean '{suggestion}'?";
            problems.Add(position, change.KeyPath, $"unknown key{hint}");
            return;
        }
        try
        {
            var node = YamlTreeReader.Read(change.ValueYaml, change.Source, commandLine: true);
            if (node is null && definition?.DefaultYaml == "~")
            {
                // "~" on a key whose default is nothing (policy, posterior): back to nothing.
                values[change.KeyPath] = null!;
                return;
            }
            if (node is null)
            {
                problems.Add(position, change.KeyPath, "has no value; write key.path=VALUE");
                return;
            }
            if (inList)
            {
                ListOverride.Apply(change.KeyPath, node, position, values, problems);
                return;
            }
            values[change.KeyPath] = node;
        }
        catch (YamlSyntaxException exception)
        {
            problems.Add(position, change.KeyPath, exception.Message);
        }
    }

    private static Scenario? Convert(Dictionary<string, YamlNode> values, ProblemList problems, ProblemList warnings)
    {
        int before = problems.Count;
        string name = ReadName(values["scenario"], problems);
        string description = values["description"] is YamlScalar { IsNull: false } text ? text.Value.Trim() : "";
        if (values["description"] is not YamlScalar)
        {
            problems.Add(values["description"], "description", $"must be text, got {values["description"].Describe()}");
        }
        ScalarReader.TryMonth(values["start"], "start", problems, out YearMonth start);
        ScalarReader.TryInteger(values["months"], "months", ScenarioSchema.Find("months")!.Range!, problems, out long months);
        ScalarReader.TryInteger(values["runs"], "runs", ScenarioSchema.Find("runs")!.Range!, problems, out long runs);
        ScalarReader.TrySeed(values["seed"], "seed", problems, out long seed);
        if (start.Year >= 1 && months >= 1 && start.AddMonths((int)months - 1).Year > 9999)
        {
            // Calendars (and the charts' date axes) end with 9999-12.
            problems.Add(values["months"], "months", $"the horizon from {start} would end after 9999-12; use at most {(9999 - start.Year) * 12 + 12 - start.Month + 1} months or an earlier start");
        }

        var scenario = Scenario.FromDefaults(name, description, start, (int)months, runs, seed);
        foreach (var key in ScenarioSchema.Keys)
        {
            if (key.Parameter is { } parameter && ParameterReader.Read(values[key.Path], key.Path, key.Range!, problems) is { } distribution)
            {
                scenario = ScenarioKeys.With(parameter, scenario, distribution);
            }
        }
        var changes = ReadHazardChanges(values["enforcement.base_hazard_changes"], start, (int)months, problems, warnings);
        ScalarReader.TryBoolean(values["enforcement.before_deployment"], "enforcement.before_deployment", problems, out bool beforeDeployment);
        YearMonth? notBefore = ReadNotBefore(values["ceasefire.not_before"], scenario, problems);
        YearMonth? forecastFrom = ReadForecastFrom(values["forecast_from"], scenario, problems);
        var channels = ChannelListReader.Read(values["channels"], problems);
        var moneyChannels = MoneyChannelReader.Read(values["money_channels"], problems);
        var destinations = DestinationReader.Read(values["destinations"], problems);
        var transfers = destinations is null ? null : DestinationReader.ReadTransfers(values["transfers"], destinations, problems);
        if (problems.Count > before)
        {
            return null;
        }
        scenario = scenario with
        {
            Enforcement = scenario.Enforcement with { BaseHazardChanges = changes!, BeforeDeployment = beforeDeployment },
            Ceasefire = scenario.Ceasefire with { NotBefore = notBefore },
            ForecastFrom = forecastFrom,
            Channels = channels!,
            MoneyChannels = moneyChannels!,
            Destinations = destinations!,
            Transfers = transfers!,
        };
        var timeline = TimelineReader.Read(values["timeline"], scenario, problems, warnings);
        var repatriation = RepatriationReader.Read(values["repatriation"], scenario, problems);
        var contingents = ContingentReader.Read(values["contingents"], scenario, problems);
        if (problems.Count > before)
        {
            return null;
        }
        return scenario with { Timeline = timeline!, Repatriation = repatriation!, Contingents = contingents! };
    }

    /// <summary>forecast_from: a month after the start and within the horizon, or none.</summary>
    private static YearMonth? ReadForecastFrom(YamlNode? node, Scenario scenario, ProblemList problems)
    {
        const string key = "forecast_from";
        if (node is null or YamlScalar { IsNull: true } || !ScalarReader.TryMonth(node, key, problems, out YearMonth month))
        {
            return null;
        }
        if (scenario.Months >= 1 && scenario.Start.Year >= 1)
        {
            int index = month.MonthsSince(scenario.Start);
            var last = scenario.Start.AddMonths(scenario.Months - 1);
            if (index <= 0 || index >= scenario.Months)
            {
                problems.Add(node, key, $"{month} must fall after the start and within the horizon ({scenario.Start} to {last}): it is the first month of the forecast, after the record");
                return null;
            }
        }
        return month;
    }

    /// <summary>
    /// ceasefire.not_before: a month inside the horizon (or none) that leaves the ceasefire month's distribution some
    /// draws from it on; a month at or before the start conditions nothing and is taken as given.
    /// </summary>
    private static YearMonth? ReadNotBefore(YamlNode? node, Scenario scenario, ProblemList problems)
    {
        const string key = "ceasefire.not_before";
        if (node is null or YamlScalar { IsNull: true })
        {
            return null;
        }
        if (!ScalarReader.TryMonth(node, key, problems, out YearMonth month))
        {
            return null;
        }
        if (scenario.Months < 1 || scenario.Start.Year < 1)
        {
            // The horizon itself is wrong (reported there); nothing to check against.
            return month;
        }
        int index = month.MonthsSince(scenario.Start);
        var last = scenario.Start.AddMonths(scenario.Months - 1);
        if (index >= scenario.Months)
        {
            problems.Add(node, key, $"{month} is after the horizon ({scenario.Start} to {last}), so no ceasefire could come within it; write 'never: 1' for that, or move not_before into the horizon");
            return null;
        }
        var distribution = scenario.Ceasefire.MonthsAfterStart;
        double before = distribution.IsFixed ? (distribution.Mean < index ? 1 : 0) : distribution.Cdf(Math.BitDecrement((double)index));
        if (index > 0 && before >= 1)
        {
            problems.Add(node, key, $"every draw of ceasefire.month ({distribution}) falls before {month} (month {index} after the start): move ceasefire.month later, or drop not_before");
            return null;
        }
        return month;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex NamePattern();

    private static string ReadName(YamlNode node, ProblemList problems)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            problems.Add(node, "scenario", $"must be a name of letters, digits, '-' and '_', got {node.Describe()}");
            return "";
        }
        string name = scalar.Value.Trim();
        if (NamePattern().IsMatch(name))
        {
            return name;
        }
        string hint = name.Contains('/') || name.Contains('\\') || name.Contains("..")
            ? "; it looks like a path, but it names the output folder: use e.g. 'donbas-baseline'"
            : name.Length > 100 ? "; use at most 100 characters" : "; replace spaces and other characters with '-'";
        problems.Add(node, "scenario", $"must be a name of letters, digits, '-' and '_', got {scalar.Describe()}{hint}");
        return "";
    }

    private static List<HazardChange>? ReadHazardChanges(YamlNode node, YearMonth start, int months, ProblemList problems, ProblemList warnings)
    {
        const string path = "enforcement.base_hazard_changes";
        const string example = "{from: 2024-04, multiplier: 0.5}";
        var changes = new List<HazardChange>();
        if (node is YamlScalar { IsNull: true })
        {
            return changes;
        }
        if (node is not YamlSequence sequence)
        {
            problems.Add(node, path, $"must be a list such as [{example}], got {node.Describe()}");
            return null;
        }
        if (sequence.Items.Count > ParameterCatalogue.MaxListItems)
        {
            problems.Add(node, path, $"has {sequence.Items.Count} changes; at most {ParameterCatalogue.MaxListItems} are allowed");
            return null;
        }
        int before = problems.Count;
        YearMonth? previous = null;
        for (int i = 0; i < sequence.Items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            var fields = ItemFields.Read(sequence.Items[i], itemPath, ["from", "multiplier"], example, problems);
            var from = fields?.Required("from", itemPath, example, problems);
            var multiplier = fields?.Required("multiplier", itemPath, example, problems);
            if (from is null || multiplier is null)
            {
                continue;
            }
            bool monthOk = ScalarReader.TryMonth(from, itemPath + ".from", problems, out YearMonth month);
            var distribution = ParameterReader.Read(multiplier, itemPath + ".multiplier", ScenarioSchema.HazardMultiplierRange, problems);
            if (!monthOk || distribution is null)
            {
                continue;
            }
            if (previous is { } p && month.CompareTo(p) <= 0)
            {
                problems.Add(from, itemPath + ".from", $"must come after the previous change ({p}); list changes in calendar order, got {month}");
            }
            TimelineReader.WarnOutsideHorizon(from, itemPath + ".from", month, start, months, warnings);
            previous = month;
            changes.Add(new HazardChange(month, distribution));
        }
        return problems.Count > before ? null : changes;
    }
}
