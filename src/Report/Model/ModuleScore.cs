using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Model;

/// <summary>
/// A module: one namespace of one project. Its score is its own penalty over its own counted lines
/// (at least 1,000).
/// </summary>
internal sealed record ModuleScore(
    string Project,
    string Namespace,
    long SourceLines,
    IReadOnlyList<int> FindingsByCategory,
    int Findings,
    int Blocking,
    decimal Penalty,
    int Score);
