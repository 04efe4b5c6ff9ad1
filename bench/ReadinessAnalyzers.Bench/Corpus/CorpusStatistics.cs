using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>
/// The shape of a corpus as the plan knows it, for the report: what it holds, how deep the helper call
/// chains go, and how many calls from async or hot paths reach a blocking chain (RDY107's work).
/// </summary>
internal sealed record CorpusStatistics(
    IReadOnlyDictionary<UnitKind, int> FilesByKind,
    int HelperMethods,
    int MaxChainDepth,
    double MeanChainDepth,
    int DirectlyBlockingHelpers,
    int BlockingHelpers,
    int AsyncPathCallsIntoBlockingChains)
{
    public static CorpusStatistics Of(int fileCount, int seed)
    {
        var plans = CorpusPlanner.Create(seed, fileCount);
        var methods = plans.SelectMany(p => p.Methods).ToList();

        // Helper calls of these kinds sit in async methods or [HotPath] methods; a book's sit in a sync method.
        var asyncPath = new HashSet<UnitKind> { UnitKind.Service, UnitKind.Strategy, UnitKind.Worker, UnitKind.Gateway, UnitKind.Feed };
        return new CorpusStatistics(
            plans.GroupBy(p => p.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            methods.Count,
            methods.Count == 0 ? 0 : methods.Max(m => m.Depth) + 1,
            methods.Count == 0 ? 0 : methods.Average(m => m.Depth + 1.0),
            methods.Count(m => m.DirectBlocking != 0),
            methods.Count(m => m.Blocks),
            plans.Where(p => asyncPath.Contains(p.Kind)).Sum(p => p.HelperCalls.Count(c => c.Method.Blocks)));
    }

    public override string ToString()
        => string.Join(", ", FilesByKind.Select(k => k.Key + " " + k.Value.ToString(CultureInfo.InvariantCulture)))
            + string.Create(
                CultureInfo.InvariantCulture,
                $"; {HelperMethods} helper methods, call chains up to {MaxChainDepth} deep (mean {MeanChainDepth:F1}); "
                + $"{DirectlyBlockingHelpers} have a blocking call of their own and {BlockingHelpers} block directly or through their chain; "
                + $"{AsyncPathCallsIntoBlockingChains} calls from async or hot paths reach a blocking chain");
}
