using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReadinessAnalyzers.Report.Rendering;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>The three files: well-formed, self-contained, every SARIF string encoded, byte-identical on a rerun.</summary>
public sealed class RenderingTests : IDisposable
{
    // Messages as hostile as a log can carry: markup, quotes, Markdown table and emphasis characters.
    private static readonly string[] s_messages =
    [
        "'List<T>.Add' inside a lock on an async path",
        "<script>alert(\"x\")</script> & 'quotes' | pipe | *stars* _under_ `tick` [link](http://evil)",
        "Dictionary<string, List<decimal>> 'price' is money-like → use decimal",
        "line one\nline two | with \\ backslash",
    ];

    private readonly TempTree _tree = ScoringTests.Engine(2000);
    private readonly string _sarif;

    public RenderingTests()
    {
        var file = _tree.UriOf("Engine/Quotes.cs");
        _sarif = SarifBuilder.Write(_tree, "build/Engine.sarif",
            new SarifResultSpec("RDY103", "warning", file, 10, Message: s_messages[0]),
            new SarifResultSpec("RDY301", "error", file, 20, Message: s_messages[1]),
            new SarifResultSpec("RDY501", "warning", file, 30, Message: s_messages[2]),
            new SarifResultSpec("RDY504", "note", file, 40, Message: s_messages[3]));
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Html_IsOneSelfContainedDocumentWithEveryMessageEncoded()
    {
        var html = File.ReadAllText(Path.Combine(Render("html"), "readiness-report.html"));

        Assert.Single(Regex.Matches(html, "<html[ >]"));
        Assert.Single(Regex.Matches(html, "</html>"));
        Assert.Single(Regex.Matches(html, "<body>"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match href in Regex.Matches(html, "href=\"([^\"]*)\""))
        {
            Assert.StartsWith("https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/RDY", href.Groups[1].Value, StringComparison.Ordinal);
        }

        foreach (var message in s_messages)
        {
            Assert.Contains(WebUtility.HtmlEncode(message), html, StringComparison.Ordinal);
        }

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("Engine/<wbr>Quotes.cs:20", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpUriThatIsNotHttp_IsNotALink()
    {
        Assert.Null(ReportText.SafeHelpUri("javascript:alert(1)"));
        Assert.Null(ReportText.SafeHelpUri("file:///etc/passwd"));
        Assert.Null(ReportText.SafeHelpUri("docs/RDY101.md"));
        Assert.Null(ReportText.SafeHelpUri(null));
        Assert.Equal("https://example.com/a%20b%28c%29", ReportText.SafeHelpUri("https://example.com/a b(c)"));
    }

    [Fact]
    public void Markdown_EscapesEveryMessageAndKeepsTheTableIntact()
    {
        var markdown = File.ReadAllText(Path.Combine(Render("md"), "readiness-report.md"));

        Assert.Contains(@"&lt;script&gt;alert(""x"")&lt;/script&gt; &amp; 'quotes' \| pipe \| \*stars\* \_under\_ \`tick\` \[link\](http://evil)", markdown, StringComparison.Ordinal);
        Assert.Contains(@"line one line two \| with \\ backslash", markdown, StringComparison.Ordinal);
        Assert.Contains("'List&lt;T&gt;.Add'", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
        Assert.Contains("[RDY301](https://github.com/readiness-analyzers/ReadinessAnalyzers/blob/main/docs/rules/RDY301.md)", markdown, StringComparison.Ordinal);

        // Every row of the findings tables has as many unescaped '|' as its header.
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| Engine/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, row => Assert.Equal(6, Regex.Count(row, @"(?<!\\)\|")));
        Assert.Contains(ReadinessAnalyzers.Report.Scoring.ScoringRules.Explanation.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CarriesTheSameFigures()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Render("json"), "readiness-report.json")));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("readiness-report", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(2000, root.GetProperty("sourceLines").GetInt64());
        Assert.Equal(2.0, root.GetProperty("kloc").GetDouble());
        Assert.Equal(28.5, root.GetProperty("penalty").GetDouble()); // 4.5 (RDY103) + 20 (RDY301) + 3 (RDY501) + 1 (RDY504)
        Assert.Equal(41, root.GetProperty("score").GetInt32());     // 14.25 per KLOC: 1000 / 24.25 = 41.2
        Assert.Equal(14.25, root.GetProperty("density").GetDouble());
        Assert.Equal("notReady", root.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("baseline").ValueKind);
        Assert.Equal(5, root.GetProperty("categories").GetArrayLength());
        var module = Assert.Single(root.GetProperty("modules").EnumerateArray());
        Assert.Equal(("Engine", "Engine.Quotes"), (module.GetProperty("project").GetString(), module.GetProperty("namespace").GetString()));

        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(4, findings.Count);
        var secret = findings[0];
        Assert.Equal("RDY301", secret.GetProperty("id").GetString());
        Assert.Equal("error", secret.GetProperty("level").GetString());
        Assert.Equal("Readiness.Security", secret.GetProperty("category").GetString());
        Assert.Equal("Engine/Quotes.cs", secret.GetProperty("path").GetString());
        Assert.Equal(20, secret.GetProperty("line").GetInt32());
        Assert.Equal(5, secret.GetProperty("column").GetInt32());
        Assert.Equal(s_messages[1], secret.GetProperty("message").GetString());
        Assert.True(secret.GetProperty("hasCodeFix").GetBoolean());
        Assert.True(secret.GetProperty("blocking").GetBoolean());
        Assert.Equal(JsonValueKind.Null, secret.GetProperty("baselineState").ValueKind);
        Assert.EndsWith("/RDY301.md", secret.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rerun_WritesByteIdenticalFiles()
    {
        var first = Render("md,html,json");
        var second = Render("md,html,json");

        foreach (var name in new[] { "readiness-report.md", "readiness-report.html", "readiness-report.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
        }
    }

    private string Render(string format)
    {
        var output = Path.Combine(_tree.Root, "out-" + Guid.NewGuid().ToString("N"));
        var run = ReportRun.Invoke(_sarif, "--root", _tree.Root, "-o", output, "--format", format);
        Assert.True(run.ExitCode == 0, run.ToString());
        return output;
    }
}
