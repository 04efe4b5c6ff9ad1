using System;
using System.IO;
using System.Linq;
using ReadinessAnalyzers.Report;
using ReadinessAnalyzers.Report.Discovery;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>
/// The sample engine's real build log, pointed back at samples/TradingEngine in this checkout: projects,
/// namespaces and code size come from the files themselves.
/// </summary>
public sealed class SampleEngineTests
{
    [Fact]
    public void SampleEngine_FindingsArePlacedInTheirProjectAndNamespace()
    {
        using var tree = new TempTree();
        var engine = RepositoryRoot.Combine("samples", "TradingEngine");
        var sarif = tree.Write("TradingEngine.sarif", File.ReadAllText(SarifReaderTests.FixturePath)
            .Replace("file:///src/engine/", new Uri(engine + Path.DirectorySeparatorChar).AbsoluteUri, StringComparison.Ordinal));

        var report = ReportGenerator.Build(
            new ReportOptions { SarifFiles = [sarif], Root = tree.Root, OutputDirectory = tree.PathOf("out") },
            TextWriter.Null);

        Assert.Equal(57, report.Findings.Count);
        Assert.All(report.Findings, f =>
        {
            Assert.StartsWith("samples/TradingEngine/", f.Path, StringComparison.Ordinal); // relative to the repository root
            Assert.Equal("TradingEngine", f.Project);
            var folder = f.Path["samples/TradingEngine/".Length..];
            var expected = folder.Contains('/', StringComparison.Ordinal) ? "TradingEngine." + folder[..folder.IndexOf('/', StringComparison.Ordinal)] : "TradingEngine";
            Assert.Equal(expected, f.Namespace);
        });

        // The code size is the project directory's C# files without bin/ and obj/, counted here independently.
        var expectedLines = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Sum(p => File.ReadAllLines(p).Count(l => !string.IsNullOrWhiteSpace(l)));
        Assert.Equal(expectedLines, report.SourceLines);
        Assert.Equal(expectedLines, report.Modules.Sum(m => m.SourceLines));
        Assert.Equal(
            ["TradingEngine", "TradingEngine.Exchange", "TradingEngine.MarketData", "TradingEngine.Orders", "TradingEngine.Risk", "TradingEngine.Strategy"],
            report.Modules.Select(m => m.Namespace).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(report.Modules, m => m.Namespace == SourceFile.UnknownNamespace);
        Assert.Equal(report.Findings.Count, report.Modules.Sum(m => m.Findings));
    }

    [Fact]
    public void FixtureNotOnDisk_UsesTheLogNameAsProjectAndUnknownNamespace()
    {
        var report = ReportGenerator.Build(
            new ReportOptions { SarifFiles = [SarifReaderTests.FixturePath], Root = "/src/engine", OutputDirectory = "unused" },
            TextWriter.Null);

        Assert.Equal(57, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.Equal(("TradingEngine", SourceFile.UnknownNamespace), (f.Project, f.Namespace)));
        Assert.Contains(report.Findings, f => f.Path == "Exchange/ExchangeSettings.cs" && f.Line == 8);
        Assert.Equal(0, report.SourceLines);
    }
}
