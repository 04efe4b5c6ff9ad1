namespace ReadinessAnalyzers.Report.Model;

/// <summary>A SARIF result level we score, most severe first (the report's sort order).</summary>
internal enum FindingLevel
{
    Error,
    Warning,
    Note,
}
