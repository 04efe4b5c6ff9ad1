using System;
using System.Collections.Generic;
using System.Linq;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>Order statistics of a handful of samples: the benchmark reports medians and their range.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double Min(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Min();

    public static double Max(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Max();

    /// <summary>Cost growth per doubling of size between the smallest and the largest size measured.</summary>
    public static double PerDoubling(double smallSize, double smallCost, double largeSize, double largeCost)
    {
        if (smallCost <= 0 || largeCost <= 0 || largeSize <= smallSize)
        {
            return double.NaN;
        }

        return Math.Pow(largeCost / smallCost, 1.0 / Math.Log2(largeSize / smallSize));
    }
}
