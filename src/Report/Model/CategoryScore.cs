namespace ReadinessAnalyzers.Report.Model;

/// <summary>The unsuppressed findings of one category and the score of their penalty over the whole code size.</summary>
internal sealed record CategoryScore(
    ReadinessCategory Category,
    int Findings,
    int Blocking,
    int Errors,
    int Warnings,
    int Notes,
    decimal Penalty,
    int Score);
