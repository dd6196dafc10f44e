using System.Globalization;
using Simulation.Core.Distributions;

namespace Simulation.Core.Catalogue;

/// <summary>
/// One numeric scenario parameter as the catalogue declares it: key path, unit, meaning, valid range, default,
/// random stream. Templates of list items (a channel's share, a hazard change's multiplier) are instantiated per item by
/// <c>Scenario.Parameters</c>; where the scenario keeps a scalar is <c>ScenarioKeys</c>' business.
/// </summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed class ParameterDefinition
{
    internal ParameterDefinition(string keyPath, string unit, string meaning, ValueRange range, double defaultValue, int streamPurpose,
        bool startOnly = false, int itemStride = 0)
    {
        ItemStride = itemStride;
        KeyPath = keyPath;
        Unit = unit;
        Meaning = meaning;
        Range = range;
        Default = defaultValue;
        StreamPurpose = streamPurpose;
        StartOnly = startOnly;
    }

    /// <summary>Key path in the scenario file, e.g. "pay.wage"; for templates the item's key, e.g. "multiplier".</summary>
    public string KeyPath { get; }

    /// <summary>The section ("pay"), or "" for a key without one.</summary>
    public string Section => KeyPath.Contains('.') ? KeyPath[..KeyPath.IndexOf('.')] : "";

    /// <summary>The last part of the key path ("wage").</summary>
    public string Name => KeyPath.Contains('.') ? KeyPath[(KeyPath.LastIndexOf('.') + 1)..] : KeyPath;

    /// <summary>A few words a sentence can use, e.g. "dispatch", "the ceasefire" (reports speak in these, never in key paths).</summary>
    public string Label { get; init; } = "";

    /// <summary>Unit in words, e.g. "host currency / worker / month".</summary>
    public string Unit { get; }

    /// <summary>What the parameter means, in a few words.</summary>
    public string Meaning { get; }

    /// <summary>The values it accepts.</summary>
    public ValueRange Range { get; }

    /// <summary>The value used when the scenario leaves the key out.</summary>
    public double Default { get; }

    /// <summary>
    /// The random stream its draws come from; for a template, the stream of the first item, and item i adds
    /// <see cref="ItemStride"/> times i. Fixed forever: changing it changes every result.
    /// </summary>
    public int StreamPurpose { get; }

    /// <summary>For templates of list items, the step between the streams of consecutive items; 0 for scalars.</summary>
    public int ItemStride { get; }

    /// <summary>The stream of item <paramref name="item"/> of a template (of the scalar itself when 0).</summary>
    public int StreamOf(int item) => checked(StreamPurpose + ItemStride * item);

    /// <summary>Position in <see cref="ParameterCatalogue.Scalars"/>, which is also its slot in a run's inputs; -1 for templates.</summary>
    public int Index { get; internal set; } = -1;

    /// <summary>True for parameters used only at month 0 (the ceasefire draw, the initial stock): a timeline cannot change them.</summary>
    public bool StartOnly { get; }

    /// <summary>The default as a scenario file writes it ("0.1", ".inf").</summary>
    public string DefaultText => double.IsPositiveInfinity(Default) ? ".inf" : Default.ToString("R", CultureInfo.InvariantCulture);


    /// <inheritdoc />
    public override string ToString() => KeyPath;
}
