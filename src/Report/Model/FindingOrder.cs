using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Model;

/// <summary>The report's order: blocking first, then level, category, path, line, column, rule and message.</summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = y.Blocking.CompareTo(x.Blocking);
        if (order == 0)
        {
            order = x.Level.CompareTo(y.Level);
        }

        if (order == 0)
        {
            order = x.Category.CompareTo(y.Category);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Path, y.Path);
        }

        if (order == 0)
        {
            order = x.Line.CompareTo(y.Line);
        }

        if (order == 0)
        {
            order = x.Column.CompareTo(y.Column);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
    }
}
