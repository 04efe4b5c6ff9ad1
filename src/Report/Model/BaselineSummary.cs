using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Model;

/// <summary>The comparison with the baseline logs: counts, and the baseline findings no longer reported.</summary>
internal sealed record BaselineSummary(int New, int Unchanged, IReadOnlyList<Finding> Fixed);
