using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Scoring;

namespace ReadinessAnalyzers.Report.Rendering;

/// <summary>
/// One self-contained HTML file: inline CSS, inline SVG charts, no script and no external asset, so it
/// opens offline, from a CI artifact or an e-mail. Every string that came from a SARIF log is encoded.
/// Written row by row: a log with hundreds of thousands of findings never becomes one string.
/// </summary>
internal static class HtmlRenderer
{
    private const string Css = """
        :root { --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --muted: #57606a; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0 auto; padding: 24px; max-width: 1280px; }
        h1 { font-size: 24px; margin: 0 0 16px; }
        h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .top { display: flex; flex-wrap: wrap; gap: 32px; align-items: center; }
        .verdict { font-size: 22px; font-weight: 600; }
        .ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        table.narrow { width: auto; min-width: 60%; }
        td.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; min-width: 16em; }
        tr.blocking td:first-child { border-left: 4px solid var(--bad); }
        .tag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; }
        .tag.error { background: #ffebe9; color: var(--bad); } .tag.warning { background: #fff8c5; color: var(--warn); }
        .tag.note { background: #ddf4ff; color: #0969da; } .tag.new { background: #cf222e; color: #fff; }
        a { color: #0969da; }
        @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;

    public static void Write(ReadinessReport report, TextWriter output)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\">");
        output.WriteLine("<head>");
        output.WriteLine("<meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine($"<title>Readiness report: {report.Score}/100, {E(ReportText.Verdict(report.Verdict))}</title>");
        output.WriteLine("<style>");
        output.WriteLine(Css);
        output.WriteLine("</style>");
        output.WriteLine("</head>");
        output.WriteLine("<body>");
        output.WriteLine("<h1>Readiness report</h1>");
        WriteSummary(report, output);
        WriteCategories(report, output);
        WriteModules(report, output);

        var compared = report.Baseline is not null;
        output.WriteLine($"<h2>Findings ({ReportText.Number(report.Findings.Count)}; {ReportText.Number(report.BlockingCount)} blocking, listed first)</h2>");
        WriteFindings(output, report.Findings, compared);
        if (report.Baseline is { Fixed.Count: > 0 } baseline)
        {
            output.WriteLine($"<h2>Fixed since the baseline ({ReportText.Number(baseline.Fixed.Count)})</h2>");
            WriteFindings(output, baseline.Fixed, compared: false);
        }

        output.WriteLine("<h2>How the score is computed</h2>");
        output.WriteLine($"<p>{E(ScoringRules.Explanation)}</p>");
        output.WriteLine($"<p class=\"muted\">{ReportText.ToolName} {E(report.ToolVersion)}</p>");
        output.WriteLine("</body>");
        output.WriteLine("</html>");
    }

    private static void WriteSummary(ReadinessReport report, TextWriter output)
    {
        var tone = Tone(report.Score);
        output.WriteLine("<div class=\"top\">");
        WriteGauge(report.Score, tone, output);
        output.WriteLine("<div>");
        output.WriteLine($"<div class=\"verdict {VerdictTone(report.Verdict)}\">{E(ReportText.Verdict(report.Verdict))}</div>");
        output.WriteLine(
            $"<p>{ReportText.Number(report.Findings.Count)} findings: {ReportText.Number(report.BlockingCount)} blocking; "
            + $"{ReportText.Number(report.ErrorCount)} errors, {ReportText.Number(report.WarningCount)} warnings, "
            + $"{ReportText.Number(report.NoteCount)} notes. {ReportText.Number(report.SuppressedCount)} suppressed (not scored).</p>");
        output.WriteLine(
            $"<p>{ReportText.Number(report.SourceLines)} lines of C# ({ReportText.Kloc(report.SourceLines)} KLOC scored); "
            + $"penalty {ReportText.Number(report.Penalty)}, density {ReportText.Number(ScoringRules.Density(report.Penalty, report.SourceLines))} per KLOC.</p>");
        if (report.Baseline is { } baseline)
        {
            output.WriteLine(
                $"<p>Compared with the baseline: <strong>{ReportText.Number(baseline.New)} new</strong>, "
                + $"{ReportText.Number(baseline.Unchanged)} unchanged, {ReportText.Number(baseline.Fixed.Count)} fixed.</p>");
        }

        output.WriteLine("</div>");
        output.WriteLine("</div>");
    }

    /// <summary>A half-circle gauge: the arc is 100 units long (pathLength), so the dash is the score.</summary>
    private static void WriteGauge(int score, string tone, TextWriter output)
    {
        output.WriteLine($"<svg width=\"220\" height=\"130\" viewBox=\"0 0 220 130\" role=\"img\" aria-label=\"Score {score} out of 100\">");
        output.WriteLine("<path d=\"M 20 110 A 90 90 0 0 1 200 110\" fill=\"none\" stroke=\"#eaeef2\" stroke-width=\"18\" pathLength=\"100\"/>");
        if (score > 0)
        {
            output.WriteLine(
                $"<path d=\"M 20 110 A 90 90 0 0 1 200 110\" fill=\"none\" stroke=\"{ToneColor(tone)}\" stroke-width=\"18\" "
                + $"pathLength=\"100\" stroke-dasharray=\"{score} 100\"/>");
        }

        output.WriteLine($"<text x=\"110\" y=\"98\" text-anchor=\"middle\" font-size=\"40\" font-weight=\"600\" fill=\"#1f2328\">{score}</text>");
        output.WriteLine("<text x=\"110\" y=\"122\" text-anchor=\"middle\" font-size=\"13\" fill=\"#57606a\">out of 100</text>");
        output.WriteLine("</svg>");
    }

    private static void WriteCategories(ReadinessReport report, TextWriter output)
    {
        output.WriteLine("<h2>Categories</h2>");

        // One bar per category, its length the category score.
        const int rowHeight = 28, labelWidth = 150, barWidth = 300;
        var height = (rowHeight * report.Categories.Count) + 8;
        output.WriteLine($"<svg width=\"{labelWidth + barWidth + 60}\" height=\"{height}\" role=\"img\" aria-label=\"Category scores\">");
        var y = 4;
        foreach (var c in report.Categories)
        {
            var width = barWidth * c.Score / 100;
            output.WriteLine($"<text x=\"0\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1f2328\">{E(Categories.DisplayName(c.Category))}</text>");
            output.WriteLine($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{barWidth}\" height=\"18\" fill=\"#eaeef2\"/>");
            output.WriteLine($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{width}\" height=\"18\" fill=\"{ToneColor(Tone(c.Score))}\"/>");
            output.WriteLine($"<text x=\"{labelWidth + barWidth + 8}\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1f2328\">{c.Score}</text>");
            y += rowHeight;
        }

        output.WriteLine("</svg>");
        output.WriteLine("<table class=\"narrow\">");
        output.WriteLine("<tr><th>Category</th><th class=\"n\">Score</th><th class=\"n\">Findings</th><th class=\"n\">Blocking</th>"
            + "<th class=\"n\">Errors</th><th class=\"n\">Warnings</th><th class=\"n\">Notes</th><th class=\"n\">Penalty</th></tr>");
        foreach (var c in report.Categories)
        {
            output.WriteLine(
                $"<tr><td>{E(Categories.DisplayName(c.Category))}</td><td class=\"n {Tone(c.Score)}\">{c.Score}</td>"
                + $"<td class=\"n\">{ReportText.Number(c.Findings)}</td><td class=\"n\">{ReportText.Number(c.Blocking)}</td>"
                + $"<td class=\"n\">{ReportText.Number(c.Errors)}</td><td class=\"n\">{ReportText.Number(c.Warnings)}</td>"
                + $"<td class=\"n\">{ReportText.Number(c.Notes)}</td><td class=\"n\">{ReportText.Number(c.Penalty)}</td></tr>");
        }

        output.WriteLine("</table>");
    }

    private static void WriteModules(ReadinessReport report, TextWriter output)
    {
        output.WriteLine("<h2>Modules</h2>");
        output.WriteLine("<p class=\"muted\">A module is one namespace of one project; its score is its own penalty over its own lines (at least 1,000). Lowest scores first.</p>");
        output.WriteLine("<table>");
        output.Write("<tr><th>Project</th><th>Namespace</th><th class=\"n\">Lines</th>");
        foreach (var category in Categories.All)
        {
            output.Write($"<th class=\"n\">{E(Categories.DisplayName(category))}</th>");
        }

        output.WriteLine("<th class=\"n\">Findings</th><th class=\"n\">Score</th></tr>");
        foreach (var m in report.Modules)
        {
            output.Write($"<tr><td>{E(m.Project)}</td><td>{E(m.Namespace)}</td><td class=\"n\">{ReportText.Number(m.SourceLines)}</td>");
            foreach (var count in m.FindingsByCategory)
            {
                output.Write($"<td class=\"n\">{ReportText.Number(count)}</td>");
            }

            output.WriteLine($"<td class=\"n\">{ReportText.Number(m.Findings)}</td><td class=\"n {Tone(m.Score)}\">{m.Score}</td></tr>");
        }

        output.WriteLine("</table>");
    }

    private static void WriteFindings(TextWriter output, IReadOnlyList<Finding> findings, bool compared)
    {
        if (findings.Count == 0)
        {
            output.WriteLine("<p>None.</p>");
            return;
        }

        output.WriteLine("<table>");
        output.WriteLine("<tr><th>Location</th><th>Rule</th><th>Level</th><th>Category</th><th>Message</th><th>Code fix</th>"
            + (compared ? "<th>Baseline</th></tr>" : "</tr>"));
        foreach (var f in findings)
        {
            output.Write(f.Blocking ? "<tr class=\"blocking\">" : "<tr>");
            // A long path may wrap, but only after a '/'.
            output.Write($"<td class=\"loc\">{E(ReportText.Location(f)).Replace("/", "/<wbr>", StringComparison.Ordinal)}</td>");
            output.Write(ReportText.SafeHelpUri(f.HelpUri) is { } help
                ? $"<td><a href=\"{E(help)}\" title=\"{E(f.Title)}\">{E(f.RuleId)}</a></td>"
                : $"<td title=\"{E(f.Title)}\">{E(f.RuleId)}</td>");
            var level = ReportText.Level(f.Level);
            output.Write($"<td><span class=\"tag {level}\">{level}</span>{(f.Blocking ? " blocking" : "")}</td>");
            output.Write($"<td>{E(Categories.DisplayName(f.Category))}</td>");
            output.Write($"<td>{E(f.Message)}</td>");
            output.Write(f.HasCodeFix ? "<td>yes</td>" : "<td>no</td>");
            if (compared)
            {
                output.Write(f.BaselineState == BaselineState.New
                    ? "<td><span class=\"tag new\">new</span></td>"
                    : $"<td>{ReportText.BaselineState(f.BaselineState)}</td>");
            }

            output.WriteLine("</tr>");
        }

        output.WriteLine("</table>");
    }

    private static string Tone(int score) => score >= ScoringRules.ConditionsBelow ? "ok" : score >= ScoringRules.NotReadyBelow ? "warn" : "bad";

    private static string VerdictTone(Verdict verdict) => verdict switch
    {
        Verdict.Ready => "ok",
        Verdict.ReadyWithConditions => "warn",
        _ => "bad",
    };

    private static string ToneColor(string tone) => tone switch
    {
        "ok" => "#1a7f37",
        "warn" => "#bf8700",
        _ => "#cf222e",
    };

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
