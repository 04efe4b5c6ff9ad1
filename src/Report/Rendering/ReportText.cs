using System;
using System.Globalization;
using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Rendering;

/// <summary>Words and numbers shared by the three renderers and the summary line, so they always agree.</summary>
internal static class ReportText
{
    public const string ToolName = "readiness-report";

    public static string Verdict(Verdict verdict) => verdict switch
    {
        Model.Verdict.NotReady => "Not ready",
        Model.Verdict.ReadyWithConditions => "Ready with conditions",
        Model.Verdict.Ready => "Ready",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>The verdict as the JSON spells it.</summary>
    public static string VerdictId(Verdict verdict) => verdict switch
    {
        Model.Verdict.NotReady => "notReady",
        Model.Verdict.ReadyWithConditions => "readyWithConditions",
        Model.Verdict.Ready => "ready",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        FindingLevel.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string? BaselineState(BaselineState state) => state switch
    {
        Model.BaselineState.New => "new",
        Model.BaselineState.Unchanged => "unchanged",
        _ => null,
    };

    /// <summary><c>path:line</c>, the path alone without a line, or "(no location)".</summary>
    public static string Location(Finding finding)
    {
        if (finding.Path.Length == 0)
        {
            return "(no location)";
        }

        return finding.Line > 0 ? finding.Path + ":" + Number(finding.Line) : finding.Path;
    }

    /// <summary>The help link when it is an absolute http or https URI (escaped), else null: nothing else becomes a link.</summary>
    public static string? SafeHelpUri(string? helpUri)
        => Uri.TryCreate(helpUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            : null;

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>At most two decimals, no trailing zeros, invariant culture.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Kloc(long sourceLines) => Number(Scoring.ScoringRules.Kloc(sourceLines));

    /// <summary>The one line printed on stdout.</summary>
    public static string Summary(ReadinessReport report, string? reportPath)
    {
        var line = $"Readiness score: {report.Score}/100 ({Verdict(report.Verdict)}); "
            + $"{report.Findings.Count} finding{(report.Findings.Count == 1 ? "" : "s")}, {report.BlockingCount} blocking";
        if (report.Baseline is { } baseline)
        {
            line += $"; {baseline.New} new, {baseline.Fixed.Count} fixed";
        }

        return reportPath is null ? line : line + "; report: " + reportPath;
    }
}
