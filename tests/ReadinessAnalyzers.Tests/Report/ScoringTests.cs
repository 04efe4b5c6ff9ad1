using System.IO;
using System.Linq;
using ReadinessAnalyzers.Report;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Scoring;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>
/// The formula of docs/report.md on inputs worked by hand. Penalty = severity (error 10, warning 3,
/// note 1) × category (Security 2.0, Hot-path 1.5, others 1.0); D = penalty / max(1, lines / 1000);
/// score = round(100 × 10 / (10 + D)), half away from zero.
/// </summary>
public sealed class ScoringTests
{
    [Theory]
    [InlineData(29.0, 3000, 51)]   // 2 hot-path warnings (2 × 4.5) + 1 security error (20): D = 9.667, 1000 / 19.667 = 50.85
    [InlineData(6.0, 1000, 63)]    // 1 security warning: D = 6, 1000 / 16 = 62.5, rounded away from zero
    [InlineData(13.5, 1000, 43)]   // 3 hot-path warnings: 1000 / 23.5 = 42.55
    [InlineData(10.0, 1000, 50)]   // D = H halves the score
    [InlineData(3.0, 200, 77)]     // tiny code counts as 1 KLOC: 1000 / 13 = 76.92
    [InlineData(3.0, 0, 77)]
    [InlineData(0.0, 0, 100)]
    [InlineData(0.0, 50000, 100)]
    [InlineData(45.0, 45000, 91)]  // D = 1: 1000 / 11 = 90.91
    [InlineData(990.0, 101000, 51)] // D = 9.80198..., exactly 50.5: rounds up, not down to 50
    public void Score_IsRound100HOverHPlusD(double penalty, long lines, int expected)
        => Assert.Equal(expected, ScoringRules.Score((decimal)penalty, lines));

    [Theory]
    [InlineData(100, false, false, "Ready")]
    [InlineData(80, false, false, "Ready")]
    [InlineData(79, false, false, "ReadyWithConditions")]
    [InlineData(95, false, true, "ReadyWithConditions")]
    [InlineData(50, false, true, "ReadyWithConditions")]
    [InlineData(50, false, false, "ReadyWithConditions")]
    [InlineData(49, false, false, "NotReady")]
    [InlineData(99, true, true, "NotReady")]
    public void Verdict_FollowsTheBoundaries(int score, bool anyError, bool anyBlocking, string expected)
        => Assert.Equal(System.Enum.Parse<Verdict>(expected), ScoringRules.Decide(score, anyError, anyBlocking));

    [Fact]
    public void TwoHotPathWarningsAndASecurityError_On3000Lines()
    {
        using var tree = Engine(3000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10),
            new SarifResultSpec("RDY102", "warning", tree.UriOf("Engine/Quotes.cs"), 20),
            new SarifResultSpec("RDY301", "error", tree.UriOf("Engine/Quotes.cs"), 30));

        var report = Build(tree, sarif);

        Assert.Equal(3000, report.SourceLines);
        Assert.Equal(29m, report.Penalty);
        Assert.Equal(51, report.Score);
        Assert.Equal(Verdict.NotReady, report.Verdict); // any error-level finding
        Assert.Equal(3, report.BlockingCount);
        var hotPath = report.Categories.Single(c => c.Category == ReadinessCategory.HotPath);
        Assert.Equal((2, 2, 9m), (hotPath.Findings, hotPath.Blocking, hotPath.Penalty));
        Assert.Equal(77, hotPath.Score);  // 9 / 3 = 3: 1000 / 13 = 76.92
        var security = report.Categories.Single(c => c.Category == ReadinessCategory.Security);
        Assert.Equal(60, security.Score); // 20 / 3 = 6.667: 1000 / 16.667 = 60.0
        Assert.All(report.Categories.Where(c => c.Findings == 0), c => Assert.Equal(100, c.Score));
    }

    [Fact]
    public void SecurityWarningIsBlocking_NetworkAndMoneyWarningsAreNot()
    {
        using var tree = Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY301", "warning", tree.UriOf("Engine/Quotes.cs"), 10),
            new SarifResultSpec("RDY201", "warning", tree.UriOf("Engine/Quotes.cs"), 11),
            new SarifResultSpec("RDY501", "warning", tree.UriOf("Engine/Quotes.cs"), 12),
            new SarifResultSpec("RDY401", "warning", tree.UriOf("Engine/Quotes.cs"), 13),
            new SarifResultSpec("RDY108", "note", tree.UriOf("Engine/Quotes.cs"), 14));

        var report = Build(tree, sarif);

        Assert.Equal(["RDY301"], report.Findings.Where(f => f.Blocking).Select(f => f.RuleId));
        Assert.Equal(1, report.BlockingCount);
        Assert.Equal(16.5m, report.Penalty); // 6 + 3 + 3 + 3 + 1.5
        Assert.Equal(38, report.Score);      // 1000 / 26.5 = 37.74
        Assert.Equal(Verdict.NotReady, report.Verdict);
    }

    [Fact]
    public void OneBlockingWarning_MakesAGoodScoreReadyWithConditions()
    {
        using var tree = Engine(10000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10));

        var report = Build(tree, sarif);

        Assert.Equal(96, report.Score); // 4.5 / 10 = 0.45: 1000 / 10.45 = 95.69
        Assert.Equal(Verdict.ReadyWithConditions, report.Verdict);
    }

    [Fact]
    public void NotesOnly_AreReady()
    {
        using var tree = Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY203", "note", tree.UriOf("Engine/Quotes.cs"), 10),
            new SarifResultSpec("RDY504", "note", tree.UriOf("Engine/Quotes.cs"), 11));

        var report = Build(tree, sarif);

        Assert.Equal(83, report.Score); // 2 / 1: 1000 / 12 = 83.33
        Assert.Equal(Verdict.Ready, report.Verdict);
    }

    [Fact]
    public void SuppressedFindings_AreNotScoredButCounted()
    {
        using var tree = Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY203", "note", tree.UriOf("Engine/Quotes.cs"), 10),
            new SarifResultSpec("RDY301", "error", tree.UriOf("Engine/Quotes.cs"), 11, Suppressed: true),
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 12, SuppressionStatus: "accepted"));

        var report = Build(tree, sarif);

        Assert.Equal(2, report.SuppressedCount);
        Assert.Equal(["RDY203"], report.Findings.Select(f => f.RuleId));
        Assert.Equal(1m, report.Penalty);
        Assert.Equal(91, report.Score); // 1000 / 11
        Assert.Equal(0, report.ErrorCount);
        Assert.Equal(Verdict.Ready, report.Verdict);
    }

    [Fact]
    public void Modules_AreScoredOverTheirOwnLines()
    {
        using var tree = new TempTree();
        tree.Write("Engine/Engine.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        tree.Write("Engine/Quotes/QuoteBook.cs", TempTree.CSharpFile("Engine.Quotes", 500));
        tree.Write("Engine/Orders/OrderRouter.cs", TempTree.CSharpFile("Engine.Orders", 2500));
        tree.Write("Engine/Orders/Fills.cs", TempTree.CSharpFile("Engine.Orders", 500));
        tree.Write("Engine/obj/Generated.cs", TempTree.CSharpFile("Engine.Generated", 5000)); // skipped
        tree.Write("Risk/Risk.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        tree.Write("Risk/Limits.cs", TempTree.CSharpFile("Risk.Limits", 4000));
        var sarif = tree.Write("build/all.sarif", SarifBuilder.Build(
        [
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes/QuoteBook.cs"), 10),
            new SarifResultSpec("RDY501", "warning", tree.UriOf("Engine/Orders/OrderRouter.cs"), 10),
            new SarifResultSpec("RDY502", "warning", tree.UriOf("Engine/Orders/Fills.cs"), 10),
            new SarifResultSpec("RDY301", "warning", tree.UriOf("Risk/Limits.cs"), 10),
        ]));

        var report = Build(tree, sarif);

        Assert.Equal(7500, report.SourceLines); // 500 + 2500 + 500 + 4000, obj/ skipped
        var quotes = report.Modules.Single(m => m.Namespace == "Engine.Quotes");
        Assert.Equal(("Engine", 500L, 1, 69), (quotes.Project, quotes.SourceLines, quotes.Findings, quotes.Score)); // 4.5 / 1 KLOC: 1000 / 14.5
        var orders = report.Modules.Single(m => m.Namespace == "Engine.Orders");
        Assert.Equal((3000L, 2, 83), (orders.SourceLines, orders.Findings, orders.Score)); // 6 / 3 = 2: 1000 / 12
        Assert.Equal([0, 0, 0, 0, 2], orders.FindingsByCategory);
        var limits = report.Modules.Single(m => m.Project == "Risk");
        Assert.Equal(("Risk.Limits", 4000L, 87), (limits.Namespace, limits.SourceLines, limits.Score)); // 6 / 4 = 1.5: 1000 / 11.5
        Assert.Equal(["Engine.Quotes", "Engine.Orders", "Risk.Limits"], report.Modules.Select(m => m.Namespace)); // lowest score first
        Assert.Equal(ScoringRules.Score(16.5m, 7500), report.Score);
    }

    [Fact]
    public void FindingsAreSorted_BlockingFirstThenLevelCategoryPathLine()
    {
        using var tree = Engine(1000);
        var file = tree.UriOf("Engine/Quotes.cs");
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY504", "note", file, 1),
            new SarifResultSpec("RDY501", "warning", file, 9),
            new SarifResultSpec("RDY101", "warning", file, 30),
            new SarifResultSpec("RDY101", "warning", file, 20),
            new SarifResultSpec("RDY201", "error", file, 5),
            new SarifResultSpec("RDY301", "warning", file, 2));

        var report = Build(tree, sarif);

        Assert.Equal(
            ["RDY201:5", "RDY101:20", "RDY101:30", "RDY301:2", "RDY501:9", "RDY504:1"],
            report.Findings.Select(f => $"{f.RuleId}:{f.Line}"));
    }

    /// <summary>A project "Engine" with one file Engine/Quotes.cs of <paramref name="lines"/> non-blank lines.</summary>
    internal static TempTree Engine(int lines)
    {
        var tree = new TempTree();
        tree.Write("Engine/Engine.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        tree.Write("Engine/Quotes.cs", TempTree.CSharpFile("Engine.Quotes", lines));
        return tree;
    }

    internal static ReadinessReport Build(TempTree tree, string sarif, params string[] baselines)
        => ReportGenerator.Build(
            new ReportOptions
            {
                SarifFiles = [sarif],
                Root = tree.Root,
                OutputDirectory = Path.Combine(tree.Root, "out"),
                Baselines = baselines,
            },
            TextWriter.Null);
}
