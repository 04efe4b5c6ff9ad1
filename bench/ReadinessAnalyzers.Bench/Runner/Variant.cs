using System.Collections.Generic;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>
/// One side of the comparison: the build with no analyzer package (baseline), with ours, or with one peer.
/// Every variant builds the same sources with the same flags; only the package added differs.
/// </summary>
internal sealed record Variant(string Name, string? PackageId, string? Version, bool IsOurs)
{
    public const string BaselineName = "baseline";

    public const string OursName = "ReadinessAnalyzers";

    /// <summary>The peers of issue 8, at versions the registry serves (SonarAnalyzer 10+ is not open source).</summary>
    public static readonly IReadOnlyList<Variant> Peers =
    [
        new("AsyncFixer", "AsyncFixer", "2.1.0", IsOurs: false),
        new("VS.Threading", "Microsoft.VisualStudio.Threading.Analyzers", "18.12.1", IsOurs: false),
        new("Meziantou", "Meziantou.Analyzer", "3.0.321", IsOurs: false),
        new("Sonar", "SonarAnalyzer.CSharp", "9.32.0.97167", IsOurs: false),
    ];

    public bool IsBaseline => PackageId is null;

    /// <summary>Simple names of the analyzer assemblies the package brought, found after restore.</summary>
    public List<string> Assemblies { get; } = [];

    public string Label => IsBaseline ? "baseline (no package)" : PackageId + " " + Version;
}
