using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Scoring;

namespace ReadinessAnalyzers.Report.Rendering;

/// <summary>
/// The JSON report: the same figures as the other two, camelCase, indented, streamed to the file.
/// docs/report.md lists every field; a change to the shape raises <see cref="SchemaVersion"/>.
/// </summary>
internal static class JsonRenderer
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,

        // The file is read by programs, not embedded in HTML: keep '<', '>', '&', quotes and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ReadinessReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, s_options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ReportText.ToolName);
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();

        json.WriteNumber("score", report.Score);
        json.WriteString("verdict", ReportText.VerdictId(report.Verdict));
        json.WriteNumber("sourceLines", report.SourceLines);
        WriteDecimal(json, "kloc", ScoringRules.Kloc(report.SourceLines));
        WriteDecimal(json, "penalty", report.Penalty);
        WriteDecimal(json, "density", Math.Round(ScoringRules.Density(report.Penalty, report.SourceLines), 2, MidpointRounding.AwayFromZero));

        json.WriteStartObject("counts");
        json.WriteNumber("findings", report.Findings.Count);
        json.WriteNumber("blocking", report.BlockingCount);
        json.WriteNumber("errors", report.ErrorCount);
        json.WriteNumber("warnings", report.WarningCount);
        json.WriteNumber("notes", report.NoteCount);
        json.WriteNumber("suppressed", report.SuppressedCount);
        json.WriteEndObject();

        json.WriteStartArray("categories");
        foreach (var c in report.Categories)
        {
            json.WriteStartObject();
            json.WriteString("id", Categories.Id(c.Category));
            json.WriteString("name", Categories.DisplayName(c.Category));
            WriteDecimal(json, "weight", ScoringRules.CategoryWeight(c.Category));
            json.WriteNumber("score", c.Score);
            json.WriteNumber("findings", c.Findings);
            json.WriteNumber("blocking", c.Blocking);
            json.WriteNumber("errors", c.Errors);
            json.WriteNumber("warnings", c.Warnings);
            json.WriteNumber("notes", c.Notes);
            WriteDecimal(json, "penalty", c.Penalty);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("modules");
        foreach (var m in report.Modules)
        {
            json.WriteStartObject();
            json.WriteString("project", m.Project);
            json.WriteString("namespace", m.Namespace);
            json.WriteNumber("sourceLines", m.SourceLines);
            json.WriteNumber("score", m.Score);
            json.WriteNumber("findings", m.Findings);
            json.WriteNumber("blocking", m.Blocking);
            WriteDecimal(json, "penalty", m.Penalty);
            json.WriteStartObject("findingsByCategory");
            foreach (var category in Categories.All)
            {
                json.WriteNumber(Categories.Id(category), m.FindingsByCategory[(int)category]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (report.Baseline is { } baseline)
        {
            json.WriteStartObject("baseline");
            json.WriteNumber("new", baseline.New);
            json.WriteNumber("unchanged", baseline.Unchanged);
            json.WriteNumber("fixed", baseline.Fixed.Count);
            json.WriteStartArray("fixedFindings");
            foreach (var finding in baseline.Fixed)
            {
                WriteFinding(json, finding, withModule: false);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("baseline");
        }

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding, withModule: true);
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteString("scoring", ScoringRules.Explanation);
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding f, bool withModule)
    {
        json.WriteStartObject();
        json.WriteString("id", f.RuleId);
        json.WriteString("level", ReportText.Level(f.Level));
        json.WriteString("category", Categories.Id(f.Category));
        json.WriteString("title", f.Title);
        json.WriteString("path", f.Path);
        json.WriteNumber("line", f.Line);
        json.WriteNumber("column", f.Column);
        json.WriteString("message", f.Message);
        if (f.HelpUri is null)
        {
            json.WriteNull("helpUri");
        }
        else
        {
            json.WriteString("helpUri", f.HelpUri);
        }

        json.WriteBoolean("hasCodeFix", f.HasCodeFix);
        json.WriteBoolean("blocking", f.Blocking);
        if (withModule)
        {
            json.WriteString("project", f.Project);
            json.WriteString("namespace", f.Namespace);
            if (ReportText.BaselineState(f.BaselineState) is { } state)
            {
                json.WriteString("baselineState", state);
            }
            else
            {
                json.WriteNull("baselineState");
            }
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// A decimal as its shortest JSON number (4.5, not 4.50): the values here have at most three decimals,
    /// which a double carries exactly enough to print them back.
    /// </summary>
    private static void WriteDecimal(Utf8JsonWriter json, string name, decimal value)
        => json.WriteNumber(name, (double)value);
}
