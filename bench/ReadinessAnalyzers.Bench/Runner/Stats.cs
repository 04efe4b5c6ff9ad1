using System;
using System.Collections.Generic;
using System.Linq;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>Order statistics of a handful of samples: the benchmark reports medians, their range and their confidence interval.</summary>
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

    /// <summary>
    /// A distribution-free confidence interval for the median: the order statistics x(k) and x(n+1-k) for the
    /// largest k whose interval still covers the median with probability at least <paramref name="confidence"/>
    /// (the number of samples below the median is Binomial(n, 1/2)). With too few samples for that level the
    /// interval is the whole range and <c>Level</c> says what it achieves (5 samples: 93.75 %).
    /// </summary>
    public static (double Low, double High, double Level) MedianInterval(IEnumerable<double> values, double confidence = 0.95)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        // below[j] = P(Binomial(n, 1/2) <= j)
        var below = new double[n + 1];
        var term = Math.Pow(0.5, n);
        var sum = 0.0;
        for (var j = 0; j <= n; j++)
        {
            sum += term;
            below[j] = sum;
            term = term * (n - j) / (j + 1);
        }

        var k = 1;
        while (k + 1 <= (n + 1) / 2 && 1 - 2 * below[k] >= confidence)
        {
            k++;
        }

        return (sorted[k - 1], sorted[n - k], 1 - 2 * below[k - 1]);
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
