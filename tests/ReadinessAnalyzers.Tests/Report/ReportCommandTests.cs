using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>The command line end to end, in-process: exit codes, the summary line, one-line errors.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Report_WritesThreeFilesAndOneSummaryLine()
    {
        using var tree = ScoringTests.Engine(3000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10),
            new SarifResultSpec("RDY102", "warning", tree.UriOf("Engine/Quotes.cs"), 20),
            new SarifResultSpec("RDY301", "error", tree.UriOf("Engine/Quotes.cs"), 30));
        var output = Path.Combine(tree.Root, "report");

        var run = ReportRun.Invoke(sarif, "--root", tree.Root, "--output", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var html = Path.Combine(output, "readiness-report.html");
        Assert.Equal($"Readiness score: 51/100 (Not ready); 3 findings, 3 blocking; report: {html}\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.Empty(run.Stderr);
        Assert.True(File.Exists(Path.Combine(output, "readiness-report.md")));
        Assert.True(File.Exists(html));
        Assert.True(File.Exists(Path.Combine(output, "readiness-report.json")));
    }

    [Theory]
    [InlineData("md", new[] { "readiness-report.md" })]
    [InlineData("json,html", new[] { "readiness-report.html", "readiness-report.json" })]
    [InlineData(" JSON , Md ", new[] { "readiness-report.json", "readiness-report.md" })]
    public void Format_ChoosesTheFiles(string format, string[] expected)
    {
        using var tree = ScoringTests.Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif");
        var output = Path.Combine(tree.Root, "report");

        var run = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output, "--format", format);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Name_NamesTheReportFiles_SoProjectsCanShareAFolder()
    {
        using var tree = ScoringTests.Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10));
        var output = Path.Combine(tree.Root, "report");

        var run = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output, "--name", "Engine");
        var bad = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output, "--name", "../Engine");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Engine.html", "Engine.json", "Engine.md"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.EndsWith($"report: {Path.Combine(output, "Engine.html")}\n", run.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(bad.ExitCode == 2, bad.ToString());
    }

    [Fact]
    public void Baseline_TakesEveryFileUpToTheNextOption_AsAShellGlobExpandsThem()
    {
        using var tree = ScoringTests.Engine(1000);
        var current = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10),
            new SarifResultSpec("RDY102", "warning", tree.UriOf("Engine/Quotes.cs"), 20));
        var baseA = SarifBuilder.Write(tree, "old/A.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10));
        var baseB = SarifBuilder.Write(tree, "old/B.sarif",
            new SarifResultSpec("RDY102", "warning", tree.UriOf("Engine/Quotes.cs"), 20));
        var output = Path.Combine(tree.Root, "report");

        var run = ReportRun.Invoke(current, "--baseline", baseA, baseB, "--fail-on-new", "--root", tree.Root, "-o", output);

        // Both baseline files were read as baselines (nothing new), not B as a second current log.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 findings, ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 0 new, 0 fixed;", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FailUnder_ExitsWith1BelowTheScoreAnd0AtIt()
    {
        using var tree = ScoringTests.Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY301", "warning", tree.UriOf("Engine/Quotes.cs"), 10)); // score 63
        var output = Path.Combine(tree.Root, "report");

        var at = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output, "--fail-under", "63");
        var above = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output, "--fail-under", "64");

        Assert.True(at.ExitCode == 0, at.ToString());
        Assert.True(above.ExitCode == 1, above.ToString());
        Assert.StartsWith("Readiness score: 63/100 (Ready with conditions)", above.Stdout, StringComparison.Ordinal);
        Assert.Equal(["readiness-report: score 63 is below 64 (--fail-under)"], above.StderrLines);
    }

    [Fact]
    public void SeveralLogs_AreReadTogether()
    {
        using var tree = ScoringTests.Engine(2000);
        var a = SarifBuilder.Write(tree, "build/A.sarif", new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10));
        var b = SarifBuilder.Write(tree, "build/B.sarif", new SarifResultSpec("RDY501", "warning", tree.UriOf("Engine/Quotes.cs"), 11));

        var run = ReportRun.Invoke(a, b, "--root", tree.Root, "-o", Path.Combine(tree.Root, "out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Readiness score: 73/100 (Ready with conditions); 2 findings, 1 blocking", run.Stdout, StringComparison.Ordinal); // 7.5 / 2: 1000 / 13.75
    }

    [Fact]
    public void Source_CountsOnlyTheGivenTree()
    {
        using var tree = ScoringTests.Engine(1000);
        tree.Write("Big/Big.cs", TempTree.CSharpFile("Big", 9000));
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif",
            new SarifResultSpec("RDY101", "warning", tree.UriOf("Engine/Quotes.cs"), 10));
        var output = Path.Combine(tree.Root, "out");

        var projectOnly = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output);
        var everything = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output, "--source", tree.Root);
        var twoSources = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", output,
            "--source", tree.PathOf("Engine"), "--source", tree.PathOf("Big/Big.cs"), "--source", tree.PathOf("Engine/Quotes.cs"));

        Assert.StartsWith("Readiness score: 69/100", projectOnly.Stdout, StringComparison.Ordinal); // 4.5 / 1: 1000 / 14.5
        Assert.StartsWith("Readiness score: 96/100", everything.Stdout, StringComparison.Ordinal); // 4.5 / 10: 1000 / 10.45
        Assert.StartsWith("Readiness score: 96/100", twoSources.Stdout, StringComparison.Ordinal); // each file counted once
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [", "not valid JSON at line 1")]
    [InlineData("{\"$schema\": \"http://json.schemastore.org/sarif-1.0.0\", \"version\": \"1.0.0\", \"runs\": []}", "Build with -p:ErrorLog=<file>%2Cversion=2.1")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": {}}]}", "\"results\" must be an array")]
    [InlineData("\u0000\u0001binary", "not valid JSON")]
    public void BadLog_ExitsWith2AndOneLineWithoutStackTrace(string content, string expected)
    {
        using var tree = new TempTree();
        var sarif = tree.Write("build.sarif", content);

        var run = ReportRun.Invoke(sarif, "-o", Path.Combine(tree.Root, "out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"readiness-report: error: {sarif}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(Path.Combine(tree.Root, "out")), "no report is written from a bad log");
    }

    [Fact]
    public void TruncatedRealLog_ExitsWith2()
    {
        using var tree = new TempTree();
        var bytes = File.ReadAllBytes(SarifReaderTests.FixturePath);
        var sarif = tree.PathOf("truncated.sarif");
        File.WriteAllBytes(sarif, bytes[..(bytes.Length / 2)]);

        var run = ReportRun.Invoke(sarif, "-o", Path.Combine(tree.Root, "out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"^readiness-report: error: .*truncated\.sarif: not valid JSON at line \d+, byte \d+: ", Assert.Single(run.StderrLines));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingLog_ExitsWith2()
    {
        using var tree = new TempTree();
        var missing = tree.PathOf("nope.sarif");

        var run = ReportRun.Invoke(missing, "-o", Path.Combine(tree.Root, "out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal([$"readiness-report: error: {missing}: file not found"], run.StderrLines);
    }

    [Fact]
    public void DirectoryGivenAsLog_ExitsWith2()
    {
        using var tree = new TempTree();

        var run = ReportRun.Invoke(tree.Root, "-o", Path.Combine(tree.Root, "out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is a directory", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void OutputThatIsAFile_ExitsWith2()
    {
        using var tree = ScoringTests.Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif");
        var file = tree.Write("taken", "not a directory");

        var run = ReportRun.Invoke(sarif, "--root", tree.Root, "-o", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"readiness-report: error: cannot write the report to '{file}': ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void MissingSource_ExitsWith2()
    {
        using var tree = ScoringTests.Engine(1000);
        var sarif = SarifBuilder.Write(tree, "build/Engine.sarif");

        var run = ReportRun.Invoke(sarif, "--source", tree.PathOf("nowhere"), "-o", Path.Combine(tree.Root, "out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal([$"readiness-report: error: --source {tree.PathOf("nowhere")}: no such file or directory"], run.StderrLines);
    }

    [Theory]
    [InlineData(new string[0], "Required argument missing")]
    [InlineData(new[] { "a.sarif", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "a.sarif", "--format", "pdf" }, "--format 'pdf' is not a comma-separated list of md, html, json")]
    [InlineData(new[] { "a.sarif", "--fail-under", "101" }, "--fail-under must be between 0 and 100")]
    [InlineData(new[] { "a.sarif", "--fail-under", "high" }, "high")]
    [InlineData(new[] { "a.sarif", "--fail-on-new" }, "--fail-on-new needs --baseline")]
    [InlineData(new[] { "a.sarif", "--output" }, "--output")]
    public void UsageError_ExitsWith2(string[] args, string expected)
    {
        var run = ReportRun.Invoke(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'readiness-report --help' for usage.", run.StderrLines[^1]);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Help_ListsEveryOptionAndTheExitCodes()
    {
        var run = ReportRun.Invoke("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var option in new[] { "--source", "--root", "--output", "--format", "--baseline", "--fail-on-new", "--fail-under", "Exit codes: 0", "1 a gate failed", "2 input or usage error" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_PrintsTheToolVersion()
    {
        var run = ReportRun.Invoke("--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ReadinessAnalyzers.Report.ReportGenerator.ToolVersion, run.Stdout.Trim());
    }
}
