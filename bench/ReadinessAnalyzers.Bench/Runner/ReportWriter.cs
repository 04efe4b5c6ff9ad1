using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ReadinessAnalyzers.Bench.Corpus;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>Turns <see cref="BenchResults"/> into the markdown of bench/README.md's results section.</summary>
internal static class ReportWriter
{
    /// <summary>Issue 8: no analyzer may take more than this share of the package's time.</summary>
    private const double MaxAnalyzerShare = 0.25;

    // Telemetry builds a per-analyzer share needs: one build's times vary by about ±20 % (a collection
    // or a JIT landing in one callback).
    private const int BuildsForShares = 3;

    public static string Write(BenchResults r)
    {
        var text = new StringBuilder();
        var baseline = r.Variants.Single(v => v.IsBaseline);
        var ours = r.Variants.Single(v => v.IsOurs);
        var packages = r.Variants.Where(v => !v.IsBaseline).ToList();

        Line(text, $"### Run of {r.Started:yyyy-MM-dd HH:mm} UTC");
        Line(text);
        Line(text, "- Command: `bench/run.sh" + (r.Options.CommandLine.Length > 0 ? " " + r.Options.CommandLine : "") + "`");
        Line(text, $"- Machine: {r.Machine.Cores} cores ({r.Machine.Cpu}), {r.Machine.Memory} memory; .NET {r.Machine.Dotnet}");
        Line(text, $"- Load average (1, 5, 15 min) before: {r.LoadBefore}; after: {r.LoadAfter}");
        Line(text, $"- Target: {Describe(r.Main, r.Options.Seed)}; ReadinessAnalyzers {r.PackageVersion} packed from this checkout (commit {r.Revision})");
        if (r.Main.Files is { } files)
        {
            Line(text, "- Corpus: " + CorpusStatistics.Of(files, r.Options.Seed));
        }

        Line(text, $"- Builds: `dotnet build --no-restore --no-incremental -c {r.Options.Configuration} -p:UseSharedCompilation=false`, "
            + $"{r.Options.Runs} timed runs per variant interleaved ({string.Join(", ", r.Variants.Select(v => v.Name))}, each round starting one variant later), "
            + $"{r.Options.TelemetryRuns} `-p:ReportAnalyzer=true` build(s) per variant and size"
            + (r.SequentialTelemetry ? " with the analyzers run one at a time (the compiler's `/parallel-`, through `-p:CscToolExe`)" : "")
            + "; the SDK's default analyzers are on in every variant");
        Line(text, $"- Wall time of the whole run: {r.Elapsed:hh\\:mm\\:ss}; CPU time of its measured builds: {F(r.BuildCpuSeconds / 60, 1)} CPU-minutes "
            + "(on an idle 2-core machine the run takes roughly this divided by 1 to 2, plus about a minute to pack and restore)");
        Line(text);

        Summary(text, r, baseline, packages);
        Timed(text, r, baseline);
        Telemetry(text, r, baseline, ours, packages);
        Scaling(text, r, baseline, ours, packages);
        Targets(text, r, baseline, ours, packages);
        return text.ToString();
    }

    /// <summary>Issue 8's targets, checked against this run's figures only.</summary>
    private static void Targets(StringBuilder text, BenchResults r, Variant baseline, Variant ours, List<Variant> packages)
    {
        Line(text, "#### Targets (issue 8), as this run measured them");
        Line(text);
        var wall = TimeRatio(r, ours, baseline) - 1;
        var cpu = CpuRatio(r, ours, baseline) - 1;
        var pairedCpu = PairedRatios(r, ours, baseline, x => x.CpuSeconds);
        var (low, high, level) = Stats.MedianInterval(pairedCpu);
        var hl = HodgesLehmannRatio(pairedCpu);
        var at2000 = r.Main.Files == 2_000 ? "" : $" (measured on {r.Main.Label}, not the 2000-file corpus the target names)";
        // Fewer than five rounds leave the range of the ratios a confidence below 90 %: too weak to decide.
        // The two intervals must agree: the median's ignores how far the slow rounds lie, the
        // Hodges–Lehmann interval counts it.
        var verdict = !(level >= 0.9) ? "not settled by this run: too few rounds for a confidence interval (at least 5)"
            : high <= 1.03 && hl.High <= 1.03 ? "met: both intervals are at or below 3 %"
            : low > 1.03 || hl.Low > 1.03 ? "not met: a whole interval is above 3 %"
            : "not settled by this run: an interval straddles 3 % (more runs narrow it)";
        Line(text, $"- Whole package ≤ 3 % build overhead{at2000}: wall {Percent(wall)} and CPU {Percent(cpu)} as ratios of medians; "
            + $"paired CPU ratio {Ratio(Stats.Median(pairedCpu))}, {Share(level)} interval {Ratio(low)}–{Ratio(high)}; "
            + $"Hodges–Lehmann estimate {Ratio(hl.Estimate)}, {Share(hl.Level)} interval {Ratio(hl.Low)}–{Ratio(hl.High)} → {verdict}.");

        var peers = packages.Where(v => !v.IsOurs).ToList();
        if (peers.Count == 0)
        {
            Line(text, "- Lower overhead than every peer: no peer in this run.");
        }
        else
        {
            var ourMs = Stats.Median(r.TelemetryOf(r.Main, ours).Select(t => t.SecondsIn(ours.Assemblies) * 1000));
            var comparisons = peers.Select(p =>
            {
                var peerMs = Stats.Median(r.TelemetryOf(r.Main, p).Select(t => t.SecondsIn(p.Assemblies) * 1000));
                var lower = TimeRatio(r, ours, baseline) < TimeRatio(r, p, baseline)
                            && CpuRatio(r, ours, baseline) < CpuRatio(r, p, baseline)
                            && ourMs < peerMs;
                return $"{p.PackageId}: {(lower ? "lower" : "not lower")} (wall {Ratio(TimeRatio(r, p, baseline))}, CPU {Ratio(CpuRatio(r, p, baseline))}, analyzers {Ms(peerMs)})";
            });
            var missing = Variant.Peers.Where(p => peers.All(q => q.Name != p.Name)).Select(p => p.PackageId).ToList();
            Line(text, $"- Lower overhead than every peer (ours: wall {Ratio(TimeRatio(r, ours, baseline))}, CPU {Ratio(CpuRatio(r, ours, baseline))}, analyzers {Ms(ourMs)}): "
                + string.Join("; ", comparisons)
                + (missing.Count > 0 ? "; not in this run: " + string.Join(", ", missing) : "") + ".");
        }

        var names = r.ScalingTargets.SelectMany(s => r.TelemetryOf(s, ours)).SelectMany(t => t.AnalyzersIn(ours.Assemblies).Keys)
            .Where(n => n.Contains("RDY107", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (r.ScalingTargets.Count < 2)
        {
            Line(text, "- RDY107 ≤ 2.2× per doubling: scaling not measured in this run.");
        }
        else if (names.Count == 0)
        {
            Line(text, "- RDY107 ≤ 2.2× per doubling: no analyzer reporting RDY107 is in the package yet.");
        }
        else
        {
            foreach (var name in names)
            {
                var costs = r.ScalingTargets.Select(s => Stats.Median(r.TelemetryOf(s, ours).Select(t => t.AnalyzersIn(ours.Assemblies).GetValueOrDefault(name) * 1000))).ToList();
                var factor = Doubling(r.ScalingTargets, costs);
                Line(text, $"- RDY107 ≤ 2.2× per doubling: `{name}` {Factor(factor)} → {(factor <= 2.2 ? "met" : "not met")}.");
            }
        }

        var reports = r.TelemetryOf(r.Main, ours);
        var total = Stats.Median(reports.Select(t => t.SecondsIn(ours.Assemblies) * 1000));
        var heavy = reports.SelectMany(t => t.AnalyzersIn(ours.Assemblies).Keys).Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Share: Stats.Median(reports.Select(t => t.AnalyzersIn(ours.Assemblies).GetValueOrDefault(n) * 1000)) / total))
            .Where(x => x.Share > MaxAnalyzerShare)
            .OrderByDescending(x => x.Share)
            .ToList();
        var fewBuilds = reports.Count < BuildsForShares
            ? $" (from {reports.Count} build{(reports.Count == 1 ? "" : "s")}: one build's shares vary by about ±20 %; judge by the median of three, `--telemetry-runs {BuildsForShares}`)"
            : "";
        Line(text, "- No analyzer above 25 % of the package's time: "
            + (heavy.Count == 0 ? "met" : "not met: " + string.Join(", ", heavy.Select(h => $"`{h.Name}` {Share(h.Share)}")))
            + fewBuilds + ".");
        Line(text);
    }

    private static void Summary(StringBuilder text, BenchResults r, Variant baseline, List<Variant> packages)
    {
        Line(text, $"#### Summary ({r.Main.Label})");
        Line(text);
        Line(text, "| package | build wall time vs baseline (ratio of medians) | paired ratio, median (min–max) | build CPU time vs baseline | analyzer time (telemetry) | peak RSS vs baseline | analyzer time per doubling |");
        Line(text, "|---|---|---|---|---|---|---|");
        foreach (var v in packages)
        {
            var telemetry = r.TelemetryOf(r.Main, v);
            var analyzerMs = Stats.Median(telemetry.Select(t => t.SecondsIn(v.Assemblies) * 1000));
            Line(text, $"| {Name(v)} | {Ratio(TimeRatio(r, v, baseline))} | {Paired(r, v, baseline)} | {Ratio(CpuRatio(r, v, baseline))} | {Ms(analyzerMs)} | {Ratio(RssRatio(r, v, baseline))} | {Factor(PerDoubling(r, v))} |");
        }

        Line(text);
    }

    private static void Timed(StringBuilder text, BenchResults r, Variant baseline)
    {
        Line(text, $"#### 1. End-to-end build ({r.Main.Label}, {r.Options.Runs} interleaved runs each)");
        Line(text);
        Line(text, "| variant | wall s, median | min–max | overhead (ratio of medians) | paired ratio, median (min–max) | CPU s (user+sys), median | min–max | CPU overhead | paired CPU ratio, median (confidence interval) | peak RSS MB, median (min–max) | RSS vs baseline |");
        Line(text, "|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var v in r.Variants)
        {
            var runs = r.Timed[v.Name];
            var seconds = runs.Select(x => x.Seconds).ToList();
            var rss = runs.Select(x => x.MaxRssKb / 1024.0).ToList();
            var cpu = runs.Select(x => x.CpuSeconds).ToList();
            var overhead = v.IsBaseline ? "—" : Percent(TimeRatio(r, v, baseline) - 1);
            var cpuOverhead = v.IsBaseline ? "—" : Percent(CpuRatio(r, v, baseline) - 1);
            Line(text, $"| {Name(v)} | {F(Stats.Median(seconds), 2)} | {F(Stats.Min(seconds), 2)}–{F(Stats.Max(seconds), 2)} | {overhead} | "
                + $"{(v.IsBaseline ? "—" : Paired(r, v, baseline))} | {F(Stats.Median(cpu), 2)} | {F(Stats.Min(cpu), 2)}–{F(Stats.Max(cpu), 2)} | {cpuOverhead} | "
                + $"{(v.IsBaseline ? "—" : PairedCpu(r, v, baseline))} | "
                + $"{F(Stats.Median(rss), 0)} ({F(Stats.Min(rss), 0)}–{F(Stats.Max(rss), 0)}) | "
                + $"{(v.IsBaseline ? "—" : Ratio(RssRatio(r, v, baseline)))} |");
        }

        Line(text);
        Line(text, "Wall time is what a developer waits; CPU time (user + system of the build's process tree, from GNU time) "
            + "is what the build consumed, and other load on the machine disturbs it far less. A paired ratio divides each build by "
            + "the baseline build of the same round, which ran next to it; its interval is the distribution-free confidence interval "
            + "of the median (order statistics), at the level shown (95 % once there are 6 rounds; 5 rounds give the full range at 93.8 %). "
            + "The targets below add the Hodges–Lehmann estimate of the paired CPU ratios (the median of the pairwise means of their "
            + "logarithms) with its Wilcoxon signed-rank interval: it also weighs how far the slow rounds lie, which the median ignores. "
            + "Peak RSS is GNU time's maximum "
            + "resident set over the process tree; with `UseSharedCompilation=false` the compiler runs as its own child process.");
        Line(text);
    }

    private static void Telemetry(StringBuilder text, BenchResults r, Variant baseline, Variant ours, List<Variant> packages)
    {
        var baseReports = r.TelemetryOf(r.Main, baseline);
        var compileMs = Stats.Median(baseReports.Select(t => t.CscMilliseconds));
        var sdkMs = Stats.Median(baseReports.Select(t => t.TotalAnalyzerSeconds * 1000));
        Line(text, $"#### 2. Analyzer cost from the compiler's telemetry ({r.Main.Label}, median of {r.Options.TelemetryRuns})");
        Line(text);
        Line(text, $"Compile-only reference: the baseline's Csc task takes {Ms(compileMs)}, of which the SDK's default analyzers "
            + $"account for {Ms(sdkMs)} of analyzer time. "
            + (r.SequentialTelemetry
                ? "These builds run the analyzers one at a time (`/parallel-`), so an analyzer's time is the work it did, not time spent waiting "
                  + "for a core, and the compile itself runs on one thread (its Csc time is longer than in section 1)."
                : "Analyzer time is summed over threads (analyzers run concurrently), so it can exceed the wall time it adds."));
        Line(text);
        Line(text, "| package | its analyzers, ms | vs baseline Csc time | Csc task with it, ms | new warnings in the build |");
        Line(text, "|---|---|---|---|---|");
        foreach (var v in packages)
        {
            var reports = r.TelemetryOf(r.Main, v);
            var ms = Stats.Median(reports.Select(t => t.SecondsIn(v.Assemblies) * 1000));
            var csc = Stats.Median(reports.Select(t => t.CscMilliseconds));
            var warnings = reports.Count > 0 && baseReports.Count > 0 ? NewDiagnostics(reports[0], baseReports[0]) : "—";
            Line(text, $"| {Name(v)} | {Ms(ms)} | {Share(ms / compileMs)} | {Ms(csc)} | {warnings} |");
        }

        Line(text);
        Line(text, "Our analyzers, one row each (any analyzer the package contains is listed):");
        Line(text);
        PerAnalyzer(text, r.TelemetryOf(r.Main, ours), ours, limit: int.MaxValue, flagShare: true);
        foreach (var peer in packages.Where(v => !v.IsOurs))
        {
            Line(text, $"{peer.Label}, its five most expensive analyzers:");
            Line(text);
            PerAnalyzer(text, r.TelemetryOf(r.Main, peer), peer, limit: 5, flagShare: false);
        }
    }

    private static void PerAnalyzer(StringBuilder text, List<AnalyzerReport> reports, Variant variant, int limit, bool flagShare)
    {
        var names = reports.SelectMany(t => t.AnalyzersIn(variant.Assemblies).Keys).Distinct(StringComparer.Ordinal).ToList();
        var total = Stats.Median(reports.Select(t => t.SecondsIn(variant.Assemblies) * 1000));
        var rows = names
            .Select(name => (Name: name, Ms: Stats.Median(reports.Select(t => t.AnalyzersIn(variant.Assemblies).GetValueOrDefault(name) * 1000))))
            .OrderByDescending(x => x.Ms)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        Line(text, "| analyzer | ms | share of the package |");
        Line(text, "|---|---|---|");
        foreach (var (name, ms) in rows)
        {
            var share = total > 0 ? ms / total : double.NaN;
            var flag = flagShare && share > MaxAnalyzerShare ? " (over 25 %)" : "";
            Line(text, $"| `{name}` | {Ms(ms)} | {Share(share)}{flag} |");
        }

        Line(text);
    }

    private static void Scaling(StringBuilder text, BenchResults r, Variant baseline, Variant ours, List<Variant> packages)
    {
        var sizes = r.ScalingTargets;
        if (sizes.Count < 2)
        {
            Line(text, "#### 3. Scaling: not measured (a real project, or fewer than two sizes).");
            Line(text);
            return;
        }

        Line(text, $"#### 3. Scaling ({string.Join(" / ", sizes.Select(s => s.Label))}; analyzer time from telemetry, median of {r.Options.TelemetryRuns})");
        Line(text);
        Line(text, "| | " + string.Join(" | ", sizes.Select(s => "ms @ " + s.Files)) + " | per doubling |");
        Line(text, "|---|" + string.Concat(sizes.Select(_ => "---|")) + "---|");
        var compile = sizes.Select(s => Stats.Median(r.TelemetryOf(s, baseline).Select(t => t.CscMilliseconds))).ToList();
        Line(text, "| compile only (baseline Csc task) | " + string.Join(" | ", compile.Select(Ms)) + " | " + Factor(Doubling(sizes, compile)) + " |");
        foreach (var v in packages)
        {
            var costs = sizes.Select(s => Stats.Median(r.TelemetryOf(s, v).Select(t => t.SecondsIn(v.Assemblies) * 1000))).ToList();
            Line(text, $"| {Name(v)} (all its analyzers) | " + string.Join(" | ", costs.Select(Ms)) + " | " + Factor(Doubling(sizes, costs)) + " |");
        }

        var names = sizes.SelectMany(s => r.TelemetryOf(s, ours)).SelectMany(t => t.AnalyzersIn(ours.Assemblies).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var costs = sizes.Select(s => Stats.Median(r.TelemetryOf(s, ours).Select(t => t.AnalyzersIn(ours.Assemblies).GetValueOrDefault(name) * 1000))).ToList();
            Line(text, $"| `{name}` | " + string.Join(" | ", costs.Select(Ms)) + " | " + Factor(Doubling(sizes, costs)) + " |");
        }

        Line(text);
        Line(text, "Per doubling: (cost at the largest size / cost at the smallest) ^ (1 / doublings between them); 2.0 is linear.");
        Line(text);
    }

    private static double TimeRatio(BenchResults r, Variant v, Variant baseline)
        => Stats.Median(r.Timed[v.Name].Select(x => x.Seconds)) / Stats.Median(r.Timed[baseline.Name].Select(x => x.Seconds));

    private static double CpuRatio(BenchResults r, Variant v, Variant baseline)
        => Stats.Median(r.Timed[v.Name].Select(x => x.CpuSeconds)) / Stats.Median(r.Timed[baseline.Name].Select(x => x.CpuSeconds));

    private static double RssRatio(BenchResults r, Variant v, Variant baseline)
    {
        var base0 = Stats.Median(r.Timed[baseline.Name].Select(x => (double)x.MaxRssKb));
        return base0 > 0 ? Stats.Median(r.Timed[v.Name].Select(x => (double)x.MaxRssKb)) / base0 : double.NaN;
    }

    /// <summary>Each variant run over the baseline run of the same round: the pairs sat next to each other in time.</summary>
    private static string Paired(BenchResults r, Variant v, Variant baseline)
    {
        var pairs = PairedRatios(r, v, baseline, x => x.Seconds);
        return $"{Ratio(Stats.Median(pairs))} ({Ratio(Stats.Min(pairs))}–{Ratio(Stats.Max(pairs))})";
    }

    private static string PairedCpu(BenchResults r, Variant v, Variant baseline)
    {
        var pairs = PairedRatios(r, v, baseline, x => x.CpuSeconds);
        var (low, high, level) = Stats.MedianInterval(pairs);
        return $"{Ratio(Stats.Median(pairs))} ({Share(level)}: {Ratio(low)}–{Ratio(high)})";
    }

    /// <summary>
    /// The Hodges–Lehmann estimate of paired ratios, taken on their logarithms: a build twice as slow and one
    /// twice as fast are equally far from 1×.
    /// </summary>
    private static (double Estimate, double Low, double High, double Level) HodgesLehmannRatio(List<double> ratios)
    {
        var (estimate, low, high, level) = Stats.HodgesLehmann(ratios.Select(ratio => Math.Log(ratio)));
        return (Math.Exp(estimate), Math.Exp(low), Math.Exp(high), level);
    }

    private static List<double> PairedRatios(BenchResults r, Variant v, Variant baseline, Func<RunResult, double> measure)
        => r.Timed[v.Name].Zip(r.Timed[baseline.Name], (a, b) => measure(a) / measure(b)).ToList();

    private static double PerDoubling(BenchResults r, Variant v)
    {
        var sizes = r.ScalingTargets;
        return sizes.Count < 2
            ? double.NaN
            : Doubling(sizes, sizes.Select(s => Stats.Median(r.TelemetryOf(s, v).Select(t => t.SecondsIn(v.Assemblies) * 1000))).ToList());
    }

    private static double Doubling(IReadOnlyList<Target> sizes, List<double> costs)
        => Stats.PerDoubling(sizes[0].Files ?? 0, costs[0], sizes[^1].Files ?? 0, costs[^1]);

    private static string NewDiagnostics(AnalyzerReport with, AnalyzerReport without)
    {
        var added = with.DiagnosticCounts
            .Select(kv => (Id: kv.Key, Count: kv.Value - without.DiagnosticCounts.GetValueOrDefault(kv.Key)))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        if (added.Count == 0)
        {
            return "0";
        }

        var top = string.Join(", ", added.Take(6).Select(x => x.Id + " " + x.Count.ToString(CultureInfo.InvariantCulture)));
        return added.Sum(x => x.Count).ToString(CultureInfo.InvariantCulture) + " (" + top + (added.Count > 6 ? ", …" : "") + ")";
    }

    private static string Describe(Target target, int seed) => target.Files is { } files
        ? $"generated corpus of {files} files, {target.Lines} lines of C# (seed {seed})"
        : $"`{target.Path}` ({target.Lines} lines of C#)";

    private static string Name(Variant v) => v.IsBaseline ? "baseline (no package)" : v.IsOurs ? "**" + v.Label + "**" : v.Label;

    private static string F(double value, int digits)
        => double.IsNaN(value) ? "—" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Ms(double value) => double.IsNaN(value) ? "—" : F(value, 0) + " ms";

    private static string Ratio(double value) => double.IsNaN(value) ? "—" : F(value, 3) + "×";

    private static string Factor(double value) => double.IsNaN(value) ? "—" : F(value, 2) + "×";

    private static string Percent(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "—" : (value >= 0 ? "+" : "") + F(value * 100, 1) + " %";

    private static string Share(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "—" : F(value * 100, 1) + " %";

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
