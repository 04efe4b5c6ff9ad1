using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Sarif;

/// <summary>
/// One result of one of our rules as the log states it, with its rule's metadata from the same run.
/// <paramref name="FilePath"/> is normalized ('/' separators) and may be relative or null (no location).
/// </summary>
internal sealed record SarifResult(
    string RuleId,
    FindingLevel Level,
    string Message,
    string? FilePath,
    int Line,
    int Column,
    bool Suppressed,
    string? RuleTitle,
    string? HelpUri,
    string? Category);
