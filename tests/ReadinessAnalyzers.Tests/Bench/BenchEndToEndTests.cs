using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ReadinessAnalyzers.Bench.Runner;
using ReadinessAnalyzers.Tests.Package;
using Xunit;

namespace ReadinessAnalyzers.Tests.Bench;

/// <summary>
/// Smoke test of the whole benchmark runner on a 5-file corpus: the packed package restored from a local
/// feed, one telemetry build and one timed build per variant, and the report. No timing is asserted;
/// the test fails when a step of the runner breaks (a restore, the sequential compiler wrapper, the
/// telemetry parser on a real log, the report writer).
/// </summary>
public sealed class BenchEndToEndTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Runner_OnATinyCorpus_ReportsOurAnalyzersFromTheirTelemetry()
    {
        var work = Path.Combine(package.WorkDirectory, "bench");
        var options = BenchOptions.Parse(
        [
            "--files", "5", "--sizes", "none", "--runs", "1", "--telemetry-runs", "1", "--peers", "none",
            "--package", package.PackagePath, "--work", work,
        ]);

        var exitCode = await new BenchRunner(options, package.RepositoryRoot).RunAsync();

        Assert.Equal(0, exitCode);
        var report = File.ReadAllText(Directory.GetFiles(Path.Combine(work, "results"), "report.md", SearchOption.AllDirectories).Single());
        Assert.Contains($"| **ReadinessAnalyzers {package.PackageVersion}** |", report);
        Assert.Contains("| `ReadinessAnalyzers.BlockingChainAnalyzer (RDY103, RDY107, RDY108)` |", report);
        Assert.Contains("with the analyzers run one at a time", report);
        Assert.Contains("- No analyzer above 25 % of the package's time:", report);
        Assert.Contains("(from 1 build: one build's shares vary by about ±20 %; judge by the median of three", report);
    }
}
