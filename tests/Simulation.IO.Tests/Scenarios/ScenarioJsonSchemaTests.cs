using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using Simulation.IO.Scenarios;
using Simulation.IO.Yaml;
using Simulation.Testing;

namespace Simulation.IO.Tests.Scenarios;

public class ScenarioJsonSchemaTests
{
    private static string SchemaPath => Path.Combine(TestScenarios.RepositoryRoot, "docs", "scenario.schema.json");

    private static JsonSchema Schema => JsonSchema.FromText(File.ReadAllText(SchemaPath));

    /// <summary>A YAML tree as JSON, typing plain scalars the way the loader does (numbers where they parse).</summary>
    private static JsonNode? ToJson(YamlNode? node) => node switch
    {
        null => null,
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsQuoted: false, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalar { IsQuoted: false } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole) => JsonValue.Create(whole),
        YamlScalar { IsQuoted: false } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) => JsonValue.Create(number),
        YamlScalar s => JsonValue.Create(s.Value),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        YamlMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        _ => throw new ArgumentException(node.GetType().Name),
    };

    private static System.Text.Json.JsonElement Element(JsonNode? node) => System.Text.Json.JsonSerializer.SerializeToElement(node);

    [Fact]
    public void SchemaFile_IsWhatTheLoadersDefinitionsGenerate()
    {
        string generated = ScenarioJsonSchema.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }
        Assert.Equal(File.ReadAllText(SchemaPath), generated);
    }

    public static TheoryData<string> Shipped => [.. TestScenarios.ShippedFiles()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedScenario_IsValidAgainstTheSchema(string file)
    {
        var json = Element(ToJson(YamlTreeReader.Read(File.ReadAllText(file), file)));
        var result = Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("scenario: t\nenforcement:\n  expel_fracton: 0.3\n")]
    [InlineData("scenario: t\nenforcement:\n  expel_fraction: 1.5\n")]
    [InlineData("scenario: t\nmonths: 0\n")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: unifrom, min: 1, max: 2}\n")]
    [InlineData("scenario: t\ndemand:\n  peak: {dist: uniform, min: 1}\n")]
    [InlineData("scenario: t\nstart: 2022-13\n")]
    [InlineData("months: 12\n")]
    [InlineData("scenario: ../etc\n")]
    public void BadScenario_IsInvalidAgainstTheSchemaToo(string yaml)
    {
        var json = Element(ToJson(YamlTreeReader.Read(yaml, "x.yaml")));
        Assert.False(Schema.Evaluate(json).IsValid);
        Assert.False(ScenarioReader.Load(yaml, "x.yaml").IsValid);
    }
}
