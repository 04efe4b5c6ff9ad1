using System;
using System.Collections.Generic;
using System.Linq;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>Distribution-free statistics of a handful of samples: the benchmark reports medians, their range and their confidence intervals.</summary>
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

    /// <summary>
    /// The Hodges–Lehmann estimate of the centre of a symmetric distribution (the median of the Walsh
    /// averages (x(i) + x(j)) / 2, i ≤ j) with its distribution-free confidence interval from the Wilcoxon
    /// signed-rank statistic: the Walsh averages W(k) and W(N+1-k) for the largest k whose interval still
    /// covers the centre with probability at least <paramref name="confidence"/> (exact null distribution,
    /// no normal approximation). It weighs how far each sample lies from the centre, not only on which
    /// side, so its interval is narrower than <see cref="MedianInterval"/>'s for the same samples, and a
    /// long tail on one side moves it where the median does not move.
    /// </summary>
    public static (double Estimate, double Low, double High, double Level) HodgesLehmann(IEnumerable<double> values, double confidence = 0.95)
    {
        var samples = values.ToArray();
        var n = samples.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var walsh = new double[n * (n + 1) / 2];
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                walsh[next++] = (samples[i] + samples[j]) / 2;
            }
        }

        Array.Sort(walsh);
        var below = SignedRankDistribution(n);
        var count = walsh.Length;
        var k = 1;
        while (k + 1 <= (count + 1) / 2 && 1 - 2 * below[k] >= confidence)
        {
            k++;
        }

        return (Median(walsh), walsh[k - 1], walsh[count - k], 1 - 2 * below[k - 1]);
    }

    // below[t] = P(T <= t) for the signed-rank statistic T of n samples under the null hypothesis: each
    // rank 1..n joins the sum with probability 1/2, independently.
    private static double[] SignedRankDistribution(int n)
    {
        var largest = n * (n + 1) / 2;
        var ways = new double[largest + 1];
        ways[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var sum = largest; sum >= rank; sum--)
            {
                ways[sum] += ways[sum - rank];
            }
        }

        var below = new double[largest + 1];
        var total = Math.Pow(2, n);
        var cumulative = 0.0;
        for (var sum = 0; sum <= largest; sum++)
        {
            cumulative += ways[sum];
            below[sum] = cumulative / total;
        }

        return below;
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
