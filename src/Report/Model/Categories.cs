using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Model;

/// <summary>Names of the categories: the SARIF <c>properties.category</c> value and the report's label.</summary>
internal static class Categories
{
    public static IReadOnlyList<ReadinessCategory> All { get; } =
    [
        ReadinessCategory.HotPath,
        ReadinessCategory.Network,
        ReadinessCategory.Security,
        ReadinessCategory.FailureHandling,
        ReadinessCategory.MoneyAndTime,
    ];

    /// <summary>The category as the analyzers' descriptors and the SARIF log spell it.</summary>
    public static string Id(ReadinessCategory category) => category switch
    {
        ReadinessCategory.HotPath => "Readiness.HotPath",
        ReadinessCategory.Network => "Readiness.Network",
        ReadinessCategory.Security => "Readiness.Security",
        ReadinessCategory.FailureHandling => "Readiness.FailureHandling",
        ReadinessCategory.MoneyAndTime => "Readiness.MoneyAndTime",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The label the reports show.</summary>
    public static string DisplayName(ReadinessCategory category) => category switch
    {
        ReadinessCategory.HotPath => "Hot-path latency",
        ReadinessCategory.Network => "Network resilience",
        ReadinessCategory.Security => "Security",
        ReadinessCategory.FailureHandling => "Failure handling",
        ReadinessCategory.MoneyAndTime => "Money & time",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>A category from its SARIF spelling (<c>Readiness.HotPath</c>), or null for any other value.</summary>
    public static ReadinessCategory? FromId(string? id)
    {
        foreach (var category in All)
        {
            if (string.Equals(Id(category), id, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return null;
    }

    /// <summary>The category the hundreds of a rule id stand for (RDY1xx hot path ... RDY5xx money and time).</summary>
    public static ReadinessCategory? FromRuleId(string ruleId)
        => ruleId.Length == 6 ? ruleId[3] switch
        {
            '1' => ReadinessCategory.HotPath,
            '2' => ReadinessCategory.Network,
            '3' => ReadinessCategory.Security,
            '4' => ReadinessCategory.FailureHandling,
            '5' => ReadinessCategory.MoneyAndTime,
            _ => null,
        } : null;
}
