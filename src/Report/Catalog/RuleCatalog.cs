using System.Collections.Generic;
using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Catalog;

/// <summary>
/// The analyzers' rules as the report needs them. Kept in step with src/Analyzers/Rules.cs and the code
/// fixes' FixableDiagnosticIds by a test (Report/RuleCatalogTests), so it cannot drift.
/// </summary>
internal static class RuleCatalog
{
    /// <summary>Where each rule's docs page lives: the help link for a log that carries none.</summary>
    public const string HelpLinkBase = "https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/";

    private static readonly RuleInfo[] s_all =
    [
        new("RDY101", ReadinessCategory.HotPath, "Do not call Thread.Sleep on an async path", HasCodeFix: true),
        new("RDY102", ReadinessCategory.HotPath, "Do not block on a task on an async path", HasCodeFix: true),
        new("RDY103", ReadinessCategory.HotPath, "Do not block on synchronization primitives on an async path", HasCodeFix: true),
        new("RDY104", ReadinessCategory.HotPath, "Do not do synchronous I/O on an async path", HasCodeFix: true),
        new("RDY105", ReadinessCategory.HotPath, "Do not use async void outside event handlers", HasCodeFix: true),
        new("RDY106", ReadinessCategory.HotPath, "Do not drop tasks on an async path", HasCodeFix: true),
        new("RDY107", ReadinessCategory.HotPath, "Do not call methods that block from an async path", HasCodeFix: false),
        new("RDY108", ReadinessCategory.HotPath, "Avoid locks on an async or hot path", HasCodeFix: false),
        new("RDY201", ReadinessCategory.Network, "Set an HttpClient timeout within the latency budget", HasCodeFix: true),
        new("RDY202", ReadinessCategory.Network, "Do not create an HttpClient per call", HasCodeFix: false),
        new("RDY203", ReadinessCategory.Network, "Do not hardcode exchange endpoints", HasCodeFix: true),
        new("RDY204", ReadinessCategory.Network, "Do not connect to a remote host over clear-text http or ws", HasCodeFix: true),
        new("RDY301", ReadinessCategory.Security, "Do not hardcode secrets", HasCodeFix: true),
        new("RDY302", ReadinessCategory.Security, "Do not disable TLS certificate validation", HasCodeFix: true),
        new("RDY303", ReadinessCategory.Security, "Do not pin obsolete TLS or SSL protocols", HasCodeFix: true),
        new("RDY304", ReadinessCategory.Security, "Do not write secrets to logs", HasCodeFix: false),
        new("RDY305", ReadinessCategory.Security, "Do not open CORS to every origin", HasCodeFix: false),
        new("RDY306", ReadinessCategory.Security, "Do not build SQL from strings", HasCodeFix: false),
        new("RDY401", ReadinessCategory.FailureHandling, "Do not swallow exceptions", HasCodeFix: true),
        new("RDY402", ReadinessCategory.FailureHandling, "Do not swallow cancellation in a catch-all inside an async loop", HasCodeFix: true),
        new("RDY403", ReadinessCategory.FailureHandling, "Do not kill the process outside the entry point", HasCodeFix: false),
        new("RDY404", ReadinessCategory.FailureHandling, "Do not leave stubs in production code", HasCodeFix: false),
        new("RDY501", ReadinessCategory.MoneyAndTime, "Do not use binary floating point for money", HasCodeFix: true),
        new("RDY502", ReadinessCategory.MoneyAndTime, "Do not turn a failed number parse into zero", HasCodeFix: false),
        new("RDY503", ReadinessCategory.MoneyAndTime, "Specify a culture when parsing or formatting numbers", HasCodeFix: true),
        new("RDY504", ReadinessCategory.MoneyAndTime, "Use UTC instead of local wall-clock time", HasCodeFix: true),
    ];

    private static readonly Dictionary<string, RuleInfo> s_rules = Build(s_all);

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<RuleInfo> All => s_all;

    /// <summary>The rule, or null for an id the catalog does not know (a newer package than this tool).</summary>
    public static RuleInfo? Find(string id) => s_rules.TryGetValue(id, out var rule) ? rule : null;

    /// <summary>Whether a SARIF rule id is one of ours: "RDY" and three digits. CA, CS, IDE... are not.</summary>
    public static bool IsReadinessRuleId(string? id)
        => id is { Length: 6 }
            && id.StartsWith("RDY", System.StringComparison.Ordinal)
            && char.IsAsciiDigit(id[3]) && char.IsAsciiDigit(id[4]) && char.IsAsciiDigit(id[5]);

    private static Dictionary<string, RuleInfo> Build(RuleInfo[] rules)
    {
        var map = new Dictionary<string, RuleInfo>(System.StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            map.Add(rule.Id, rule);
        }

        return map;
    }
}
