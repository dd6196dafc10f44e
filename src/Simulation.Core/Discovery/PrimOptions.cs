namespace Simulation.Core.Discovery;

/// <summary>PRIM's settings, with the EMA Workbench's defaults.</summary>
public sealed record PrimOptions
{
    /// <summary>Share of the box's points each peel removes from one face.</summary>
    public double PeelAlpha { get; init; } = 0.05;

    /// <summary>Share of the points just outside a face each paste brings back.</summary>
    public double PasteAlpha { get; init; } = 0.05;

    /// <summary>Peeling stops before the box would hold less than this share of all points.</summary>
    public double MassMin { get; init; } = 0.05;
}
