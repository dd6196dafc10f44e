namespace Simulation.Core.Catalogue;

/// <summary>A run condition as the catalogue declares it.</summary>
/// <param name="Condition">Which one.</param>
/// <param name="Key">Its key in summary.json, e.g. "ceasefire_came".</param>
/// <param name="Description">In words for reports, e.g. "runs where the ceasefire came".</param>
/// <param name="ShortLabel">Two or three words for table cells, e.g. "ceasefire came".</param>
public sealed record ConditionDefinition(RunCondition Condition, string Key, string Description, string ShortLabel);
