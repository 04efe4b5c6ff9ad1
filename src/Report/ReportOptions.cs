using System.Collections.Generic;

namespace ReadinessAnalyzers.Report;

/// <summary>The command line, parsed: see docs/report.md for each option.</summary>
internal sealed record ReportOptions
{
    public required IReadOnlyList<string> SarifFiles { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Paths outside any repository are shown relative to this directory.</summary>
    public required string Root { get; init; }

    public required string OutputDirectory { get; init; }

    public ReportFormats Formats { get; init; } = ReportFormats.All;

    /// <summary>The report files' name without extension.</summary>
    public string Name { get; init; } = ReportFiles.DefaultName;

    public IReadOnlyList<string> Baselines { get; init; } = [];

    public bool FailOnNew { get; init; }

    public int? FailUnder { get; init; }
}
