namespace ReadinessAnalyzers.Report.Model;

/// <summary>How a finding compares with the baseline logs.</summary>
internal enum BaselineState
{
    /// <summary>No baseline was given, or the finding is suppressed and takes no part in the comparison.</summary>
    NotCompared,
    New,
    Unchanged,
}
