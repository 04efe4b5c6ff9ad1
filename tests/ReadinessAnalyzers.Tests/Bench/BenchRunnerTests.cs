using System.Collections.Generic;
using ReadinessAnalyzers.Bench.Runner;
using Xunit;

namespace ReadinessAnalyzers.Tests.Bench;

/// <summary>
/// Smoke test of the benchmark runner's pieces that need no build: the command line and the parser of
/// the compiler's <c>-p:ReportAnalyzer=true</c> telemetry, on the shape an SDK 10 detailed log has.
/// </summary>
public sealed class BenchRunnerTests
{
    private const string DetailedLog = """
             1>/tmp/corpus/Pricing/SpotFeeService.cs(46,17): warning RDY106: The task from 'CancelAsync' is dropped [/tmp/corpus/TradingCorpus.csproj]
                 NOTE: Elapsed time may be less than analyzer execution time because analyzers can run concurrently.
                 
                 Total analyzer execution time: 1.432 seconds.
                 
                 Time (s)    %   Analyzer
                    0.813   56   Microsoft.CodeAnalysis.CSharp.NetAnalyzers, Version=10.0.401.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35
                    0.437   30      Microsoft.NetCore.CSharp.Analyzers.Runtime.CSharpDetectPreviewFeatureAnalyzer (CA2252)
                   <0.001   <1      Microsoft.NetCore.CSharp.Analyzers.Runtime.CSharpUseOrdinalStringComparisonAnalyzer (CA1309)
                 
                    0.186   12   AsyncFixer, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null
                    0.090    6      AsyncFixer.BlockingCallInsideAsync.BlockingCallInsideAsyncAnalyzer (AsyncFixer02)
                 
                    0.159   11   ReadinessAnalyzers, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null
                    0.120    8      ReadinessAnalyzers.BlockingCallAnalyzer (RDY101, RDY102, RDY103, RDY104, RDY108)
                    0.039    3      ReadinessAnalyzers.DroppedTaskAnalyzer (RDY106)
                 
                 Total generator execution time: 1.436 seconds.
                 
                 Time (s)    %   Generator
                    0.999   69   Microsoft.Interop.ComInterfaceGenerator, Version=10.0.14.42308, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a
               Done executing task "Csc".
        Task Performance Summary:
                158 ms  ResolvePackageAssets                       1 calls
              17371 ms  Csc                                        1 calls

        Build succeeded.

               "/tmp/corpus/TradingCorpus.csproj" (Rebuild target) (1) ->
               (CoreCompile target) -> 
                 /tmp/corpus/Pricing/SpotFeeService.cs(46,17): warning RDY106: The task from 'CancelAsync' is dropped [/tmp/corpus/TradingCorpus.csproj]
        """;

    [Fact]
    public void AnalyzerReport_ReadsTheCompilersTelemetry_PerAssemblyAndPerAnalyzer()
    {
        var report = AnalyzerReport.Parse(DetailedLog);

        Assert.Equal(1, report.Compilations);
        Assert.Equal(1.432, report.TotalAnalyzerSeconds, precision: 6);
        Assert.Equal(17371, report.CscMilliseconds);
        Assert.Equal(0.159, report.SecondsIn(["ReadinessAnalyzers", "ReadinessAnalyzers.CodeFixes"]), precision: 6);
        Assert.Equal(0.186, report.SecondsIn(["asyncfixer"]), precision: 6);
        var ours = report.AnalyzersIn(["ReadinessAnalyzers"]);
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["ReadinessAnalyzers.BlockingCallAnalyzer (RDY101, RDY102, RDY103, RDY104, RDY108)"] = 0.120,
                ["ReadinessAnalyzers.DroppedTaskAnalyzer (RDY106)"] = 0.039,
            },
            ours);
        Assert.Equal(0.0, report.AnalyzersIn(["Microsoft.CodeAnalysis.CSharp.NetAnalyzers"])[
            "Microsoft.NetCore.CSharp.Analyzers.Runtime.CSharpUseOrdinalStringComparisonAnalyzer (CA1309)"]);
        Assert.DoesNotContain("Microsoft.Interop.ComInterfaceGenerator", report.AssemblySeconds.Keys);
    }

    [Fact]
    public void AnalyzerReport_CountsAWarningOnce_ThoughMSBuildRepeatsItInTheSummary()
    {
        var report = AnalyzerReport.Parse(DetailedLog);

        Assert.Equal(new Dictionary<string, int> { ["RDY106"] = 1 }, report.DiagnosticCounts);
    }

    [Fact]
    public void AnalyzerReport_SumsEveryCompilationOfASolution()
    {
        var report = AnalyzerReport.Parse(DetailedLog + "\n" + DetailedLog);

        Assert.Equal(2, report.Compilations);
        Assert.Equal(0.318, report.SecondsIn(["ReadinessAnalyzers"]), precision: 6);
        Assert.Equal(2 * 17371, report.CscMilliseconds);
    }

    [Fact]
    public void MedianInterval_FiveRounds_IsTheWholeRangeAt93Point75Percent()
    {
        var (low, high, level) = Stats.MedianInterval([1.04, 0.97, 1.10, 1.01, 0.99]);

        Assert.Equal(0.97, low);
        Assert.Equal(1.10, high);
        Assert.Equal(1 - 2 / 32.0, level, precision: 12);
    }

    [Fact]
    public void MedianInterval_TwentyRounds_IsTheSixthToFifteenthValue()
    {
        var values = new List<double>();
        for (var i = 20; i >= 1; i--)
        {
            values.Add(i);
        }

        var (low, high, level) = Stats.MedianInterval(values);

        // P(Binomial(20, 1/2) <= 5) = 21700 / 2^20, so [x(6), x(15)] covers the median with 95.86 %.
        Assert.Equal(6, low);
        Assert.Equal(15, high);
        Assert.Equal(1 - 2 * 21700 / 1048576.0, level, precision: 12);
        Assert.True(level >= 0.95);
    }

    [Fact]
    public void MedianInterval_NoRounds_IsUndefined()
        => Assert.True(double.IsNaN(Stats.MedianInterval([]).Level));

    [Fact]
    public void HodgesLehmann_IsTheMedianOfTheWalshAverages()
    {
        // Walsh averages of 1, 2, 6: 1, 1.5, 2, 3.5, 4, 6; their median is 2.75 (the plain median is 2).
        Assert.Equal(2.75, Stats.HodgesLehmann([6.0, 1.0, 2.0]).Estimate, precision: 12);
    }

    [Fact]
    public void HodgesLehmann_TwentyRounds_UsesTheExactSignedRankQuantile()
    {
        var values = new List<double>();
        for (var i = 20; i >= 1; i--)
        {
            values.Add(i);
        }

        var (estimate, low, high, level) = Stats.HodgesLehmann(values);

        // 210 Walsh averages; P(T <= 52) = 25397 / 2^20 for the signed-rank statistic of 20 samples
        // (the tabled two-sided 5 % critical value is 52), so the interval is [W(53), W(158)].
        Assert.Equal(10.5, estimate, precision: 12);
        Assert.Equal(7.5, low, precision: 12);
        Assert.Equal(13.5, high, precision: 12);
        Assert.Equal(1 - 2 * 25397 / 1048576.0, level, precision: 12);
        Assert.True(level >= 0.95);
    }

    [Fact]
    public void HodgesLehmann_FiveRounds_IsTheWholeRangeAt93Point75Percent()
    {
        var (_, low, high, level) = Stats.HodgesLehmann([1.04, 0.97, 1.10, 1.01, 0.99]);

        Assert.Equal(0.97, low, precision: 12);
        Assert.Equal(1.10, high, precision: 12);
        Assert.Equal(1 - 2 / 32.0, level, precision: 12);
    }

    [Fact]
    public void HodgesLehmann_NoRounds_IsUndefined()
        => Assert.True(double.IsNaN(Stats.HodgesLehmann([]).Level));

    [Fact]
    public void Options_Quick_IsSmallerInEveryDimension()
    {
        var full = BenchOptions.Parse([]);
        var quick = BenchOptions.Parse(["--quick"]);

        Assert.Equal(2_000, full.Files);
        Assert.Equal([1_000, 2_000, 4_000], full.Sizes);
        Assert.True(full.Runs >= 5);
        Assert.Equal(4, full.Peers.Count);
        Assert.True(quick.Files < full.Files && quick.Runs < full.Runs && quick.Peers.Count < full.Peers.Count);
        Assert.True(quick.Sizes[^1] < full.Sizes[^1] && quick.TelemetryRuns <= full.TelemetryRuns);
    }

    [Fact]
    public void Options_ExplicitValues_OverrideQuick()
    {
        var options = BenchOptions.Parse(["--quick", "--files", "40", "--peers", "none", "--sizes", "none"]);

        Assert.Equal(40, options.Files);
        Assert.Empty(options.Peers);
        Assert.Empty(options.Sizes);
    }
}
