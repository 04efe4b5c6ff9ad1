using System;
using System.Collections.Generic;
using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Baseline;

/// <summary>
/// Matches current findings with a baseline's. Key: rule id, relative path, message text and the
/// occurrence index among the findings with the same rule, path and message ordered by line and column,
/// so code moving up or down a file changes nothing. Suppressed findings take no part.
/// </summary>
internal static class BaselineComparer
{
    public static (List<Finding> Current, BaselineSummary Summary) Compare(
        IReadOnlyList<Finding> current, IReadOnlyList<Finding> baseline)
    {
        var currentKeys = Keys(current);
        var baselineKeys = Keys(baseline);
        var inBaseline = new HashSet<MatchKey>(baselineKeys.Values);
        var inCurrent = new HashSet<MatchKey>(currentKeys.Values);

        var compared = new List<Finding>(current.Count);
        int added = 0, unchanged = 0;
        foreach (var finding in current)
        {
            if (!currentKeys.TryGetValue(finding, out var key))
            {
                compared.Add(finding); // suppressed: not compared
            }
            else if (inBaseline.Contains(key))
            {
                unchanged++;
                compared.Add(finding with { BaselineState = BaselineState.Unchanged });
            }
            else
            {
                added++;
                compared.Add(finding with { BaselineState = BaselineState.New });
            }
        }

        var fixedFindings = new List<Finding>();
        foreach (var (finding, key) in baselineKeys)
        {
            if (!inCurrent.Contains(key))
            {
                fixedFindings.Add(finding);
            }
        }

        fixedFindings.Sort(FindingOrder.Instance);
        return (compared, new BaselineSummary(added, unchanged, fixedFindings));
    }

    /// <summary>The key of every unsuppressed finding, by reference: two findings may be equal in every field.</summary>
    private static Dictionary<Finding, MatchKey> Keys(IReadOnlyList<Finding> findings)
    {
        var groups = new Dictionary<(string RuleId, string Path, string Message), List<Finding>>();
        foreach (var finding in findings)
        {
            if (finding.Suppressed)
            {
                continue;
            }

            var group = (finding.RuleId, finding.Path, finding.Message);
            if (!groups.TryGetValue(group, out var members))
            {
                groups[group] = members = [];
            }

            members.Add(finding);
        }

        var keys = new Dictionary<Finding, MatchKey>(ReferenceEqualityComparer.Instance);
        foreach (var (group, members) in groups)
        {
            members.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
            for (var i = 0; i < members.Count; i++)
            {
                keys[members[i]] = new MatchKey(group.RuleId, group.Path, group.Message, i);
            }
        }

        return keys;
    }

    private readonly record struct MatchKey(string RuleId, string Path, string Message, int Occurrence);
}
