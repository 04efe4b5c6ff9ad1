using System.Collections.Generic;

namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>
/// A synchronous helper method: its sync callees in earlier helpers (the call chains RDY107 follows),
/// whether its own body blocks, and whether it blocks through any chain.
/// </summary>
internal sealed class HelperMethod(string name)
{
    public string Name { get; } = name;

    public List<(UnitPlan Type, HelperMethod Method)> Callees { get; } = [];

    /// <summary>0 = no blocking site of its own; otherwise which blocking body it has.</summary>
    public int DirectBlocking { get; set; }

    public bool Blocks { get; set; }

    /// <summary>The longest chain of helper calls below this one.</summary>
    public int Depth { get; set; }
}
