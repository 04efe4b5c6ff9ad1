using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace ReadinessAnalyzers.Tests.Package;

/// <summary>
/// The readiness report as users get it: the package's <c>-p:ReadinessReport=true</c> switch in a
/// consumer build, and the <c>ReadinessAnalyzers.Report</c> .NET tool installed from a local feed.
/// </summary>
public sealed partial class PackageEndToEndTests
{
    private static readonly Regex s_scoreLine = new(
        @"TradingDesk: Readiness score: (?<score>\d+)/100 \((?<verdict>[^)]+)\); (?<findings>\d+) findings?, (?<blocking>\d+) blocking; report: (?<path>\S+TradingDesk\.html)",
        RegexOptions.CultureInvariant);

    [Fact]
    public async Task ReportSwitch_WritesSarifAndReportNextToTheOutput_PrintsScore_ReportAgreesWithSarif()
    {
        var consumer = package.CreateConsumer("report-switch");

        var build = await consumer.BuildAsync("-p:ReadinessReport=true");

        Assert.True(build.ExitCode == 0, build.Describe());
        var match = s_scoreLine.Match(build.StandardOutput);
        Assert.True(match.Success, "No score line.\n" + build.Describe());

        var folder = Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "readiness");
        Assert.Equal(Path.Combine(folder, "TradingDesk.html"), match.Groups["path"].Value);
        foreach (var extension in new[] { ".sarif", ".html", ".md", ".json" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "TradingDesk" + extension)), $"TradingDesk{extension} missing.\n" + build.Describe());
        }

        // Every RDY result of the SARIF is a finding of the report, and the printed score is the report's.
        var sarif = SarifLog.Load(Path.Combine(folder, "TradingDesk.sarif"), build);
        var ours = sarif.Results.Where(r => r.RuleId.StartsWith("RDY", StringComparison.Ordinal)).ToList();
        Assert.Equal(["RDY101", "RDY102"], ours.Select(r => r.RuleId).Order(StringComparer.Ordinal));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "TradingDesk.json")));
        var root = json.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => (Id: f.GetProperty("id").GetString()!, File: Path.GetFileName(f.GetProperty("path").GetString()!)))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([("RDY101", QuotePoller), ("RDY102", OrderPlacer)], findings);
        Assert.Equal(int.Parse(match.Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("score").GetInt32());
        Assert.Equal("2", match.Groups["findings"].Value);

        var html = File.ReadAllText(Path.Combine(folder, "TradingDesk.html"));
        Assert.Contains("RDY101", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportSwitch_FailUnder_FailsTheBuildWithRDY0004_AndPassesWhenTheScoreIsHighEnough()
    {
        var consumer = package.CreateConsumer("report-gate");

        var failing = await consumer.BuildAsync("-p:ReadinessReport=true", "-p:ReadinessReportFailUnder=100");
        Assert.True(failing.ExitCode != 0, failing.Describe());
        Assert.Contains("error RDY0004: Readiness gate failed for TradingDesk: score ", failing.AllOutput, StringComparison.Ordinal);
        Assert.Contains("is below 100 (--fail-under)", failing.AllOutput, StringComparison.Ordinal);

        var passing = await consumer.BuildAsync("-p:ReadinessReport=true", "-p:ReadinessReportFailUnder=0");
        Assert.True(passing.ExitCode == 0, passing.Describe());
        Assert.DoesNotContain("RDY0004", passing.AllOutput, StringComparison.Ordinal);
        Assert.Matches(s_scoreLine, passing.StandardOutput);
    }

    [Fact]
    public async Task ReportSwitch_TurnedOnAfterAPlainBuild_CompilesAgainInsteadOfFailingForAMissingSarif()
    {
        var consumer = package.CreateConsumer("report-after-build");

        var plain = await consumer.BuildAsync();
        Assert.True(plain.ExitCode == 0, plain.Describe());

        var report = await consumer.BuildAsync("-p:ReadinessReport=true");
        Assert.True(report.ExitCode == 0, report.Describe());
        Assert.DoesNotContain("RDY0003", report.AllOutput, StringComparison.Ordinal);
        Assert.Matches(s_scoreLine, report.StandardOutput);
    }

    [Fact]
    public async Task ReportSwitch_OnTheSampleEngineBuiltWithThePackage_ReportsEveryFindingOfItsBuildLog()
    {
        // The sample engine's code, compiled against the packed package instead of the analyzer project.
        var consumer = package.CreateConsumerFromSources("report-sample", RepositoryRoot.Combine("samples", "TradingEngine"));

        var build = await consumer.BuildAsync("-p:ReadinessReport=true");

        Assert.True(build.ExitCode == 0, build.Describe());
        var folder = Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "readiness");
        var sarif = SarifLog.Load(Path.Combine(folder, "TradingDesk.sarif"), build);
        var fromSarif = sarif.Results.Where(r => r.RuleId.StartsWith("RDY", StringComparison.Ordinal))
            .GroupBy(r => r.RuleId).ToDictionary(g => g.Key, g => g.Count());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "TradingDesk.json")));
        var root = json.RootElement;
        var fromReport = root.GetProperty("findings").EnumerateArray()
            .GroupBy(f => f.GetProperty("id").GetString()!).ToDictionary(g => g.Key, g => g.Count());

        // The build log of the packaged analyzers is the one the sample's README and the committed
        // fixture describe: 57 findings, the same count per rule.
        var fixture = SarifLog.Load(ReadinessAnalyzers.Tests.Report.SarifReaderTests.FixturePath, build).Results
            .GroupBy(r => r.RuleId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(57, fromSarif.Values.Sum());
        Assert.Equal(fixture.OrderBy(p => p.Key, StringComparer.Ordinal), fromSarif.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(fromSarif.OrderBy(p => p.Key, StringComparer.Ordinal), fromReport.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(57, root.GetProperty("counts").GetProperty("findings").GetInt32());
        Assert.Equal(root.GetProperty("counts").GetProperty("findings").GetInt32(),
            root.GetProperty("categories").EnumerateArray().Sum(c => c.GetProperty("findings").GetInt32()));
    }

    [Fact]
    public async Task ReportTool_InstalledFromALocalFeed_ReadsTheBuildsSarif_GatesWithExitCodes()
    {
        var consumer = package.CreateConsumer("report-tool");
        var toolFeed = Path.Combine(consumer.Directory, "tool-feed");
        var toolPath = Path.Combine(consumer.Directory, "tools");

        // The tool's own package, packed from this checkout; a tool package carries its dependencies.
        var pack = await DotnetCli.RunAsync(
            package.RepositoryRoot, new Dictionary<string, string>(),
            "pack", Path.Combine(package.RepositoryRoot, "src", "Report", "ReadinessAnalyzers.Report.csproj"),
            "-c", "Release", "-o", toolFeed, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off");
        Assert.True(pack.ExitCode == 0, pack.Describe());

        var install = await consumer.DotnetAsync("tool", "install", "ReadinessAnalyzers.Report", "--tool-path", toolPath, "--add-source", toolFeed);
        Assert.True(install.ExitCode == 0, install.Describe());

        var (build, _) = await consumer.BuildWithSarifAsync();
        Assert.True(build.ExitCode == 0, build.Describe());
        var sarif = Path.Combine(consumer.Directory, "build.sarif");
        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "readiness-report.exe" : "readiness-report");
        var output = Path.Combine(consumer.Directory, "report");

        var report = await DotnetCli.RunExecutableAsync(consumer.Directory, tool, sarif, "--source", consumer.Directory, "--output", output);
        Assert.True(report.ExitCode == 0, report.Describe());
        Assert.StartsWith("Readiness score: ", report.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "readiness-report.html")), report.Describe());

        var gate = await DotnetCli.RunExecutableAsync(consumer.Directory, tool, sarif, "--source", consumer.Directory, "--output", output, "--fail-under", "100");
        Assert.True(gate.ExitCode == 1, gate.Describe());

        var missing = await DotnetCli.RunExecutableAsync(consumer.Directory, tool, Path.Combine(consumer.Directory, "missing.sarif"));
        Assert.True(missing.ExitCode == 2, missing.Describe());
        Assert.DoesNotContain("   at ", missing.StandardError, StringComparison.Ordinal);
    }
}
