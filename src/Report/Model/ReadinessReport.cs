using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Model;

/// <summary>Everything the renderers show, computed once.</summary>
internal sealed record ReadinessReport
{
    public required string ToolVersion { get; init; }

    public required int Score { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>Non-blank lines of the counted C# files.</summary>
    public required long SourceLines { get; init; }

    /// <summary>The sum of the penalties of the unsuppressed findings.</summary>
    public required decimal Penalty { get; init; }

    /// <summary>Unsuppressed findings, sorted: blocking first, then level, category, path, line, column, rule.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    public required int BlockingCount { get; init; }

    public required int ErrorCount { get; init; }

    public required int WarningCount { get; init; }

    public required int NoteCount { get; init; }

    public required int SuppressedCount { get; init; }

    public required IReadOnlyList<CategoryScore> Categories { get; init; }

    /// <summary>Modules sorted by score (lowest first), then project and namespace.</summary>
    public required IReadOnlyList<ModuleScore> Modules { get; init; }

    /// <summary>Null when no baseline was given.</summary>
    public BaselineSummary? Baseline { get; init; }
}
