using System.Collections.Generic;
using System.IO;
using System.Text;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Scoring;

namespace ReadinessAnalyzers.Report.Rendering;

/// <summary>
/// The Markdown report, for a GitHub job summary or a pull-request comment: bounded in size (GitHub
/// truncates a job summary at 1 MiB), so long lists stop with a pointer to the HTML and JSON files.
/// </summary>
internal static class MarkdownRenderer
{
    public const int MaxBlocking = 500;

    public const int MaxOthers = 200;

    public const int MaxModules = 50;

    public const int MaxFixed = 100;

    private const int MaxMessageLength = 600;

    public static void Write(ReadinessReport report, TextWriter output)
    {
        output.WriteLine("# Readiness report");
        output.WriteLine();
        output.WriteLine($"**Score: {report.Score}/100 — {ReportText.Verdict(report.Verdict)}**");
        output.WriteLine();
        output.WriteLine(
            $"{ReportText.Number(report.Findings.Count)} findings ({ReportText.Number(report.BlockingCount)} blocking; "
            + $"{ReportText.Number(report.ErrorCount)} errors, {ReportText.Number(report.WarningCount)} warnings, "
            + $"{ReportText.Number(report.NoteCount)} notes), {ReportText.Number(report.SuppressedCount)} suppressed, in "
            + $"{ReportText.Number(report.SourceLines)} lines of C# ({ReportText.Kloc(report.SourceLines)} KLOC scored); "
            + $"penalty {ReportText.Number(report.Penalty)}, density {ReportText.Number(ScoringRules.Density(report.Penalty, report.SourceLines))} per KLOC.");
        if (report.Baseline is { } baseline)
        {
            output.WriteLine();
            output.WriteLine(
                $"Compared with the baseline: {ReportText.Number(baseline.New)} new, "
                + $"{ReportText.Number(baseline.Unchanged)} unchanged, {ReportText.Number(baseline.Fixed.Count)} fixed.");
        }

        WriteCategories(report, output);
        WriteModules(report, output);

        var blocking = new List<Finding>();
        var others = new List<Finding>();
        foreach (var finding in report.Findings)
        {
            (finding.Blocking ? blocking : others).Add(finding);
        }

        var compared = report.Baseline is not null;
        WriteFindings(output, $"Blocking findings ({ReportText.Number(blocking.Count)})", blocking, MaxBlocking, compared);
        WriteFindings(output, $"Other findings ({ReportText.Number(others.Count)})", others, MaxOthers, compared);
        if (report.Baseline is { Fixed.Count: > 0 } withFixed)
        {
            WriteFindings(output, $"Fixed since the baseline ({ReportText.Number(withFixed.Fixed.Count)})", withFixed.Fixed, MaxFixed, compared: false);
        }

        output.WriteLine();
        output.WriteLine("## How the score is computed");
        output.WriteLine();
        output.WriteLine(Escape(ScoringRules.Explanation));
        output.WriteLine();
        output.WriteLine($"<sub>{ReportText.ToolName} {Escape(report.ToolVersion)}</sub>");
    }

    private static void WriteCategories(ReadinessReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Categories");
        output.WriteLine();
        output.WriteLine("| Category | Score | Findings | Blocking | Errors | Warnings | Notes | Penalty |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in report.Categories)
        {
            output.WriteLine(
                $"| {Escape(Categories.DisplayName(c.Category))} | {c.Score} | {ReportText.Number(c.Findings)} | "
                + $"{ReportText.Number(c.Blocking)} | {ReportText.Number(c.Errors)} | {ReportText.Number(c.Warnings)} | "
                + $"{ReportText.Number(c.Notes)} | {ReportText.Number(c.Penalty)} |");
        }
    }

    private static void WriteModules(ReadinessReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("## Modules");
        output.WriteLine();
        if (report.Modules.Count == 0)
        {
            output.WriteLine("No modules: no findings and no counted source.");
            return;
        }

        var header = new StringBuilder("| Project | Namespace | Lines |");
        var rule = new StringBuilder("|---|---|---:|");
        foreach (var category in Categories.All)
        {
            header.Append(' ').Append(Escape(Categories.DisplayName(category))).Append(" |");
            rule.Append("---:|");
        }

        output.WriteLine(header.Append(" Score |"));
        output.WriteLine(rule.Append("---:|"));
        var shown = 0;
        foreach (var module in report.Modules)
        {
            if (shown++ == MaxModules)
            {
                break;
            }

            var row = new StringBuilder()
                .Append("| ").Append(Escape(module.Project))
                .Append(" | ").Append(Escape(module.Namespace))
                .Append(" | ").Append(ReportText.Number(module.SourceLines)).Append(" |");
            foreach (var count in module.FindingsByCategory)
            {
                row.Append(' ').Append(ReportText.Number(count)).Append(" |");
            }

            output.WriteLine(row.Append(' ').Append(module.Score).Append(" |"));
        }

        if (report.Modules.Count > MaxModules)
        {
            output.WriteLine();
            output.WriteLine($"{ReportText.Number(report.Modules.Count - MaxModules)} more modules are in the HTML and JSON reports.");
        }
    }

    private static void WriteFindings(TextWriter output, string title, IReadOnlyList<Finding> findings, int max, bool compared)
    {
        output.WriteLine();
        output.WriteLine($"## {title}");
        output.WriteLine();
        if (findings.Count == 0)
        {
            output.WriteLine("None.");
            return;
        }

        output.WriteLine(compared
            ? "| Location | Rule | Level | Message | Fix | Baseline |\n|---|---|---|---|---|---|"
            : "| Location | Rule | Level | Message | Fix |\n|---|---|---|---|---|");
        for (var i = 0; i < findings.Count && i < max; i++)
        {
            var f = findings[i];
            var ruleCell = ReportText.SafeHelpUri(f.HelpUri) is { } help ? $"[{f.RuleId}]({help})" : Escape(f.RuleId);
            var line = $"| {Escape(ReportText.Location(f))} | {ruleCell} | {ReportText.Level(f.Level)} | "
                + $"{Escape(Truncate(f.Message))} | {(f.HasCodeFix ? "yes" : "no")} |";
            if (compared)
            {
                line += f.BaselineState == BaselineState.New ? " **new** |" : $" {ReportText.BaselineState(f.BaselineState)} |";
            }

            output.WriteLine(line);
        }

        if (findings.Count > max)
        {
            output.WriteLine();
            output.WriteLine($"{ReportText.Number(findings.Count - max)} more are in the HTML and JSON reports.");
        }
    }

    private static string Truncate(string message)
        => message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…";

    /// <summary>
    /// Text safe in a GitHub table cell: Markdown punctuation backslash-escaped, '|' as <c>\|</c>, HTML
    /// characters as entities (GitHub renders raw HTML), line breaks as spaces.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
