using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Sarif;

/// <summary>The results of our rules in one SARIF file, every run together, in file order.</summary>
internal sealed record SarifLog(string FilePath, IReadOnlyList<SarifResult> Results);
