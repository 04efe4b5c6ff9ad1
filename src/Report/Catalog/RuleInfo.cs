using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Catalog;

/// <summary>What the report knows about a rule without a SARIF log: category, title, whether the package ships a fix.</summary>
internal sealed record RuleInfo(string Id, ReadinessCategory Category, string Title, bool HasCodeFix);
