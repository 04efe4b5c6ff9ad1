using System.IO;
using System.Linq;
using ReadinessAnalyzers.Report.Model;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>
/// Baseline matching: rule + relative path + message + occurrence index among equal (rule, path, message)
/// ordered by line, so moved code is unchanged, removed findings are fixed and added ones new.
/// </summary>
public sealed class BaselineTests
{
    private const string Sleep = "'Thread.Sleep' blocks this thread for the whole delay on an async path";
    private const string Double = "'price' is money-like and declared as 'double'";

    [Fact]
    public void ShiftedLines_AreUnchanged_RemovedAreFixed_AddedAreNew()
    {
        using var tree = ScoringTests.Engine(1000);
        var file = tree.UriOf("Engine/Quotes.cs");
        var baseline = SarifBuilder.Write(tree, "old/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 10, Message: Sleep),
            new SarifResultSpec("RDY501", "warning", file, 20, Message: Double),
            new SarifResultSpec("RDY301", "error", file, 30, Message: "'ApiKey' is set from a 25-character string literal"));
        var current = SarifBuilder.Write(tree, "new/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 17, Message: Sleep),    // 7 lines lower
            new SarifResultSpec("RDY501", "warning", file, 26, Column: 9, Message: Double),
            new SarifResultSpec("RDY503", "warning", file, 40, Message: "'decimal.Parse' uses the current culture"));

        var report = ScoringTests.Build(tree, current, baseline);

        var summary = report.Baseline!;
        Assert.Equal((1, 2), (summary.New, summary.Unchanged));
        var fixedFinding = Assert.Single(summary.Fixed);
        Assert.Equal(("RDY301", 30), (fixedFinding.RuleId, fixedFinding.Line));
        Assert.Equal(
            ["RDY101:Unchanged", "RDY501:Unchanged", "RDY503:New"],
            report.Findings.Select(f => $"{f.RuleId}:{f.BaselineState}"));
    }

    [Fact]
    public void RepeatedFindings_AreMatchedByOccurrence()
    {
        using var tree = ScoringTests.Engine(1000);
        var file = tree.UriOf("Engine/Quotes.cs");
        var baseline = SarifBuilder.Write(tree, "old/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 10, Message: Sleep),
            new SarifResultSpec("RDY101", "warning", file, 20, Message: Sleep));
        var current = SarifBuilder.Write(tree, "new/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 5, Message: Sleep),
            new SarifResultSpec("RDY101", "warning", file, 12, Message: Sleep),
            new SarifResultSpec("RDY101", "warning", file, 22, Message: Sleep));

        var report = ScoringTests.Build(tree, current, baseline);

        Assert.Equal((1, 2, 0), (report.Baseline!.New, report.Baseline.Unchanged, report.Baseline.Fixed.Count));
        Assert.Equal(["5:Unchanged", "12:Unchanged", "22:New"], report.Findings.Select(f => $"{f.Line}:{f.BaselineState}"));
    }

    [Fact]
    public void AnotherFileOrMessage_IsNotAMatch()
    {
        using var tree = ScoringTests.Engine(1000);
        var baseline = SarifBuilder.Write(tree, "old/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10, Message: Sleep));
        var current = SarifBuilder.Write(tree, "new/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Other.cs"), 10, Message: Sleep),
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10, Message: Sleep + " (changed)"));

        var report = ScoringTests.Build(tree, current, baseline);

        Assert.Equal((2, 0, 1), (report.Baseline!.New, report.Baseline.Unchanged, report.Baseline.Fixed.Count));
    }

    [Fact]
    public void SuppressedFindings_TakeNoPart()
    {
        using var tree = ScoringTests.Engine(1000);
        var file = tree.UriOf("Engine/Quotes.cs");
        var baseline = SarifBuilder.Write(tree, "old/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 10, Message: Sleep));
        var current = SarifBuilder.Write(tree, "new/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 10, Message: Sleep, Suppressed: true),
            new SarifResultSpec("RDY501", "warning", file, 11, Message: Double, Suppressed: true));

        var report = ScoringTests.Build(tree, current, baseline);

        Assert.Equal((0, 0, 1), (report.Baseline!.New, report.Baseline.Unchanged, report.Baseline.Fixed.Count));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void FailOnNew_ExitsWith1OnlyWhenSomethingIsNew()
    {
        using var tree = ScoringTests.Engine(1000);
        var file = tree.UriOf("Engine/Quotes.cs");
        var baseline = SarifBuilder.Write(tree, "old/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 10, Message: Sleep));
        var same = SarifBuilder.Write(tree, "same/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 14, Message: Sleep));
        var worse = SarifBuilder.Write(tree, "worse/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 14, Message: Sleep),
            new SarifResultSpec("RDY501", "warning", file, 20, Message: Double));
        var output = Path.Combine(tree.Root, "out");

        var passed = ReportRun.Invoke(same, "--baseline", baseline, "--fail-on-new", "--root", tree.Root, "-o", output);
        var failed = ReportRun.Invoke(worse, "--baseline", baseline, "--fail-on-new", "--root", tree.Root, "-o", output);
        var notGated = ReportRun.Invoke(worse, "--baseline", baseline, "--root", tree.Root, "-o", output);

        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.Contains("; 0 new, 0 fixed; report: ", passed.Stdout, System.StringComparison.Ordinal);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("; 1 new, 0 fixed; report: ", failed.Stdout, System.StringComparison.Ordinal);
        Assert.Equal(["readiness-report: 1 new finding(s) since the baseline (--fail-on-new)"], failed.StderrLines);
        Assert.True(notGated.ExitCode == 0, notGated.ToString());
    }

    [Fact]
    public void BaselineCounts_AreInEveryOutput()
    {
        using var tree = ScoringTests.Engine(1000);
        var file = tree.UriOf("Engine/Quotes.cs");
        var baseline = SarifBuilder.Write(tree, "old/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 10, Message: Sleep),
            new SarifResultSpec("RDY401", "warning", file, 30, Message: "'catch' swallows the exception"));
        var current = SarifBuilder.Write(tree, "new/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", file, 11, Message: Sleep),
            new SarifResultSpec("RDY501", "warning", file, 20, Message: Double));
        var output = Path.Combine(tree.Root, "out");

        var run = ReportRun.Invoke(current, "--baseline", baseline, "--root", tree.Root, "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var markdown = File.ReadAllText(Path.Combine(output, "readiness-report.md"));
        var html = File.ReadAllText(Path.Combine(output, "readiness-report.html"));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "readiness-report.json")));
        Assert.Contains("Compared with the baseline: 1 new, 1 unchanged, 1 fixed.", markdown, System.StringComparison.Ordinal);
        Assert.Contains("| **new** |", markdown, System.StringComparison.Ordinal);
        Assert.Contains("## Fixed since the baseline (1)", markdown, System.StringComparison.Ordinal);
        Assert.Contains("<strong>1 new</strong>, 1 unchanged, 1 fixed", html, System.StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag new\">new</span>", html, System.StringComparison.Ordinal);
        var b = json.RootElement.GetProperty("baseline");
        Assert.Equal((1, 1, 1), (b.GetProperty("new").GetInt32(), b.GetProperty("unchanged").GetInt32(), b.GetProperty("fixed").GetInt32()));
        Assert.Equal("RDY401", b.GetProperty("fixedFindings")[0].GetProperty("id").GetString());
        var states = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString() + ":" + f.GetProperty("baselineState").GetString());
        Assert.Equal(["RDY101:unchanged", "RDY501:new"], states);
    }
}
