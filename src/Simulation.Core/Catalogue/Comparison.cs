namespace Simulation.Core.Catalogue;

/// <summary>How an outcome is compared with a value.</summary>
public enum Comparison
{
    /// <summary>&gt;</summary>
    Greater,

    /// <summary>&gt;=</summary>
    GreaterOrEqual,

    /// <summary>&lt;</summary>
    Less,

    /// <summary>&lt;=</summary>
    LessOrEqual,
}
