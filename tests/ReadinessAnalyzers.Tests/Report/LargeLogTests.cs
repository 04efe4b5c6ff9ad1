using System;
using System.IO;
using System.Text.Json;
using ReadinessAnalyzers.Report.Catalog;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Rendering;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>A log of 200,000 results (about 100 MB) is read and rendered; the Markdown stays bounded.</summary>
public sealed class LargeLogTests
{
    private const int Results = 200_000;

    [Fact]
    public void HugeLog_IsReadAndRenderedWithTheRightCounts()
    {
        using var tree = new TempTree();
        var sarif = tree.PathOf("huge.sarif");
        var (suppressed, errors) = WriteHugeLog(sarif);
        Assert.True(new FileInfo(sarif).Length > 80_000_000, "the generated log is as large as a big solution's");
        var output = tree.PathOf("out");

        var run = ReportRun.Invoke(sarif, "--root", "/huge", "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"Readiness score: 0/100 (Not ready); {Results - suppressed} findings, ", run.Stdout, StringComparison.Ordinal);
        var markdown = new FileInfo(Path.Combine(output, "readiness-report.md"));
        Assert.True(markdown.Length < 1_000_000, $"the Markdown is {markdown.Length} bytes");
        var text = File.ReadAllText(markdown.FullName);
        Assert.Contains($"{ReportText.Number(errors)} errors", text, StringComparison.Ordinal);
        Assert.Contains("more are in the HTML and JSON reports.", text, StringComparison.Ordinal);

        // The counts open the JSON; reading its head is enough (the whole file is some 100 MB).
        var head = new char[4096];
        using (var reader = new StreamReader(Path.Combine(output, "readiness-report.json")))
        {
            reader.ReadBlock(head);
        }

        var counts = new string(head);
        Assert.Contains($"\"findings\": {Results - suppressed},", counts, StringComparison.Ordinal);
        Assert.Contains($"\"suppressed\": {suppressed}{Environment.NewLine}", counts, StringComparison.Ordinal);
        Assert.Contains($"\"errors\": {errors},", counts, StringComparison.Ordinal);
    }

    /// <summary>Streams a compiler-shaped log; every tenth result suppressed, every seventh an error, an eleventh another tool's.</summary>
    private static (int Suppressed, int Errors) WriteHugeLog(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var rules = RuleCatalog.All;
        int suppressed = 0, errors = 0, foreign = 0;
        json.WriteStartObject();
        json.WriteString("$schema", "http://json.schemastore.org/sarif-2.1.0");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartArray("results");
        for (var i = 0; i < Results + foreign; i++)
        {
            var isForeign = i % 11 == 10;
            var rule = rules[i % rules.Count];
            json.WriteStartObject();
            json.WriteString("ruleId", isForeign ? "CA2007" : rule.Id);
            json.WriteNumber("ruleIndex", i % rules.Count);
            var level = i % 7 == 0 ? "error" : i % 3 == 0 ? "note" : "warning";
            json.WriteString("level", level);
            json.WriteStartObject("message");
            json.WriteString("text", $"'Member{i % 977}' in 'Type{i % 131}' is reported by {rule.Id}: {rule.Title}; the trading engine pays for it on every quote and fill");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", $"file:///huge/src/Module{i % 50}/File{i % 1000}.cs");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", 1 + (i % 4000));
            json.WriteNumber("startColumn", 1 + (i % 80));
            json.WriteNumber("endLine", 1 + (i % 4000));
            json.WriteNumber("endColumn", 20 + (i % 80));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            if (!isForeign && i % 10 == 0)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "inSource");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("properties");
            json.WriteNumber("warningLevel", 1);
            json.WriteEndObject();
            json.WriteEndObject();

            if (isForeign)
            {
                foreign++;
            }
            else
            {
                suppressed += i % 10 == 0 ? 1 : 0;
                errors += i % 10 != 0 && level == "error" ? 1 : 0;
            }

            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Microsoft (R) Visual C# Compiler");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", RuleCatalog.HelpLinkBase + rule.Id + ".md");
            json.WriteStartObject("properties");
            json.WriteString("category", Categories.Id(rule.Category));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        return (suppressed, errors);
    }
}
