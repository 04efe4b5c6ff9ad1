using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ReadinessAnalyzers.Report;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Sarif;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>
/// SarifReader on the compiler's real output: the sample engine's build log (Fixtures/TradingEngine.sarif,
/// written by <c>dotnet build samples/TradingEngine -p:ErrorLog=…%2Cversion=2.1</c>, its paths moved under
/// <c>file:///src/engine/</c>) and hand-made logs for the cases a build rarely shows.
/// </summary>
public sealed class SarifReaderTests
{
    public static string FixturePath => RepositoryRoot.Combine("tests", "ReadinessAnalyzers.Tests", "Report", "Fixtures", "TradingEngine.sarif");

    [Fact]
    public void SampleEngineLog_Has57FindingsWithTheRightCountsPerRule()
    {
        var log = SarifReader.Read(FixturePath);

        Assert.Equal(57, log.Results.Count);
        var perRule = log.Results.GroupBy(r => r.RuleId).ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<string, int>
        {
            ["RDY101"] = 6, ["RDY102"] = 5, ["RDY103"] = 2, ["RDY104"] = 2, ["RDY105"] = 1, ["RDY106"] = 2,
            ["RDY107"] = 3, ["RDY108"] = 2, ["RDY201"] = 2, ["RDY202"] = 1, ["RDY203"] = 2, ["RDY204"] = 1,
            ["RDY301"] = 2, ["RDY302"] = 1, ["RDY304"] = 1, ["RDY401"] = 2, ["RDY402"] = 2, ["RDY403"] = 1,
            ["RDY404"] = 1, ["RDY501"] = 5, ["RDY502"] = 3, ["RDY503"] = 6, ["RDY504"] = 4,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), perRule.OrderBy(p => p.Key));
        Assert.Equal(9, log.Results.Count(r => r.Level == FindingLevel.Note));
        Assert.Equal(48, log.Results.Count(r => r.Level == FindingLevel.Warning));
        Assert.DoesNotContain(log.Results, r => r.Suppressed);
    }

    [Fact]
    public void SampleEngineLog_EveryResultMatchesAnIndependentReadOfTheFile()
    {
        // The expected values come from a plain JsonDocument walk of the same file, not from the reader.
        using var document = JsonDocument.Parse(File.ReadAllBytes(FixturePath));
        var expected = new List<(string Rule, string Level, string Uri, int Line, int Column, string Message)>();
        foreach (var result in document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            expected.Add((
                result.GetProperty("ruleId").GetString()!,
                result.GetProperty("level").GetString()!,
                location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                result.GetProperty("message").GetProperty("text").GetString()!));
        }

        var actual = SarifReader.Read(FixturePath).Results
            .Select(r => (r.RuleId, r.Level.ToString().ToLowerInvariant(), "file://" + r.FilePath, r.Line, r.Column, r.Message))
            .ToList();

        Assert.Equal(57, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SampleEngineLog_SpotChecksByHand()
    {
        var results = SarifReader.Read(FixturePath).Results;

        var endpoint = results[0];
        Assert.Equal("RDY203", endpoint.RuleId);
        Assert.Equal(FindingLevel.Note, endpoint.Level);
        Assert.Equal("/src/engine/Exchange/ExchangeSettings.cs", endpoint.FilePath);
        Assert.Equal((8, 39), (endpoint.Line, endpoint.Column));
        Assert.Equal("Readiness.Network", endpoint.Category);
        Assert.Equal("Do not hardcode exchange endpoints", endpoint.RuleTitle);
        Assert.Equal("https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/RDY203.md", endpoint.HelpUri);

        var chain = Assert.Single(results, r => r.RuleId == "RDY107" && r.FilePath!.EndsWith("OrderRouter.cs", System.StringComparison.Ordinal));
        Assert.Equal(FindingLevel.Warning, chain.Level);
        Assert.Equal(47, chain.Line);
        Assert.StartsWith("'Check()' blocks: Check → ReferencePrice", chain.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OtherToolsRulesAndLevelNone_AreIgnored()
    {
        using var tree = new TempTree();
        var uri = tree.UriOf("src/A.cs");
        var path = SarifBuilder.Write(tree, "a.sarif",
            new SarifResultSpec("RDY101", "warning", uri, 3),
            new SarifResultSpec("CA2007", "warning", uri, 4),
            new SarifResultSpec("CS0168", "warning", uri, 5),
            new SarifResultSpec("IDE0005", "note", uri, 6),
            new SarifResultSpec("RDY1011", "warning", uri, 7),
            new SarifResultSpec("RDYX01", "warning", uri, 8),
            new SarifResultSpec("RDY102", "none", uri, 9),
            new SarifResultSpec("RDY301", "error", uri, 10));

        var results = SarifReader.Read(path).Results;

        Assert.Equal(["RDY101", "RDY301"], results.Select(r => r.RuleId));
        Assert.Equal([FindingLevel.Warning, FindingLevel.Error], results.Select(r => r.Level));
    }

    [Fact]
    public void Suppressions_CountUnlessRejected()
    {
        using var tree = new TempTree();
        var uri = tree.UriOf("src/A.cs");
        var path = SarifBuilder.Write(tree, "a.sarif",
            new SarifResultSpec("RDY101", "warning", uri, 1, Suppressed: true),
            new SarifResultSpec("RDY101", "warning", uri, 2, SuppressionStatus: "accepted"),
            new SarifResultSpec("RDY101", "warning", uri, 3, SuppressionStatus: "underReview"),
            new SarifResultSpec("RDY101", "warning", uri, 4, SuppressionStatus: "rejected"),
            new SarifResultSpec("RDY101", "warning", uri, 5));

        var suppressed = SarifReader.Read(path).Results.Select(r => r.Suppressed);

        Assert.Equal([true, true, true, false, false], suppressed);
    }

    [Fact]
    public void ResultWithoutLevelOrLocation_IsAWarningWithoutPath()
    {
        using var tree = new TempTree();
        var path = tree.Write("a.sarif", """
            {"version": "2.1.0", "runs": [{"results": [{"ruleId": "RDY401", "message": {"text": "m"}}],
              "tool": {"driver": {"name": "csc"}}}]}
            """);

        var result = Assert.Single(SarifReader.Read(path).Results);

        Assert.Equal(FindingLevel.Warning, result.Level);
        Assert.Null(result.FilePath);
        Assert.Null(result.Category);
    }

    [Fact]
    public void RuleGivenOnlyByIndex_IsResolvedFromTheDriverRules()
    {
        using var tree = new TempTree();
        var path = tree.Write("a.sarif", """
            {"version": "2.1.0", "runs": [{
              "results": [{"ruleIndex": 1, "level": "error", "message": {"text": "m"}},
                          {"rule": {"index": 0}, "level": "error", "message": {"text": "m"}}],
              "tool": {"driver": {"name": "csc", "rules": [{"id": "CA1000"}, {"id": "RDY302", "properties": {"category": "Readiness.Security"}}]}}}]}
            """);

        var result = Assert.Single(SarifReader.Read(path).Results);

        Assert.Equal("RDY302", result.RuleId);
        Assert.Equal("Readiness.Security", result.Category);
    }

    [Fact]
    public void SeveralRuns_AreAllRead()
    {
        using var tree = new TempTree();
        var path = tree.Write("a.sarif", """
            {"version": "2.1.0", "runs": [
              {"results": [{"ruleId": "RDY101", "level": "warning", "message": {"text": "a"}}]},
              {"results": [{"ruleId": "RDY102", "level": "warning", "message": {"text": "b"}}]}]}
            """);

        Assert.Equal(["RDY101", "RDY102"], SarifReader.Read(path).Results.Select(r => r.RuleId));
    }

    [Fact]
    public void ByteOrderMark_IsAccepted()
    {
        using var tree = new TempTree();
        var path = tree.PathOf("bom.sarif");
        File.WriteAllText(path, """{"version": "2.1.0", "runs": []}""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Empty(SarifReader.Read(path).Results);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("  \n ", "the file is empty")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [", "not valid JSON at line 1")]
    [InlineData("{\"version\": \"2.1.0\",\n \"runs\": [}", "not valid JSON at line 2")]
    [InlineData("not json", "not valid JSON at line 1")]
    [InlineData("[1, 2]", "the top level is an array")]
    [InlineData("{\"runs\": []}", "no top-level \"version\"")]
    [InlineData("{\"version\": 2.1, \"runs\": []}", "\"version\" is a number, not a string")]
    [InlineData("{\"version\": \"2.1.0\"}", "no \"runs\" array")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": {}}", "\"runs\" must be an array, not an object")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": 3}]}", "\"results\" must be an array, not a number")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"ruleId\": 5}]}]}", "\"ruleId\" must be a string, not a number")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"ruleId\": \"RDY101\", \"level\": \"fatal\"}]}]}", "\"level\" must be")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"ruleId\": \"RDY101\", \"locations\": [{\"physicalLocation\": {\"region\": {\"startLine\": \"x\"}}}]}]}]}", "\"region.startLine\" must be an integer")]
    [InlineData("{\"version\": \"3.0\", \"runs\": []}", "SARIF version '3.0' is not supported")]
    [InlineData("{\"version\": \"1.0.0\", \"runs\": [{\"results\": [{\"ruleId\": \"RDY101\", \"locations\": [{\"resultFile\": {\"uri\": \"file:///a.cs\"}}]}]}]}", "%2Cversion=2.1")]
    public void MalformedInput_IsOneClearErrorNamingTheFile(string content, string expected)
    {
        using var tree = new TempTree();
        var path = tree.Write("bad.sarif", content);

        var error = Assert.Throws<ReportInputException>(() => SarifReader.Read(path));

        Assert.StartsWith(path + ": ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingFile_IsFileNotFound()
    {
        var error = Assert.Throws<ReportInputException>(() => SarifReader.Read("/no/such/dir/build.sarif"));

        Assert.Equal("/no/such/dir/build.sarif: file not found", error.Message);
    }
}
