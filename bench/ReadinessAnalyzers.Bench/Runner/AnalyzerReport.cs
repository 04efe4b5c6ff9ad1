using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>
/// What one build's log says about its analyzers: the compiler's own <c>-p:ReportAnalyzer=true</c>
/// telemetry (seconds per analyzer assembly and per analyzer type, summed over every compilation in
/// the log), the Csc task's time from MSBuild's performance summary, and the diagnostics reported.
/// </summary>
internal sealed partial class AnalyzerReport
{
    /// <summary>Sum of every "Total analyzer execution time" in the log, in seconds.</summary>
    public double TotalAnalyzerSeconds { get; private set; }

    /// <summary>Seconds per analyzer assembly, keyed by simple assembly name.</summary>
    public Dictionary<string, double> AssemblySeconds { get; } = new(StringComparer.Ordinal);

    /// <summary>Seconds per analyzer type, keyed by (assembly simple name, type name with its ids).</summary>
    public Dictionary<(string Assembly, string Analyzer), double> AnalyzerSeconds { get; } = [];

    /// <summary>The Csc task's time from the performance summary, in milliseconds; 0 when absent.</summary>
    public double CscMilliseconds { get; private set; }

    /// <summary>Distinct warning and error lines per diagnostic id (info diagnostics are not in build logs).</summary>
    public Dictionary<string, int> DiagnosticCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>How many "Total analyzer execution time" blocks the log held (one per compilation).</summary>
    public int Compilations { get; private set; }

    public static AnalyzerReport Parse(string logText)
    {
        var report = new AnalyzerReport();
        using var reader = new StringReader(logText);
        var section = Section.None;
        string? assembly = null;
        var diagnostics = new HashSet<string>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (TotalAnalyzerLine().Match(line) is { Success: true } total)
            {
                report.TotalAnalyzerSeconds += Seconds(total.Groups["s"].Value);
                report.Compilations++;
                section = Section.Analyzers;
                assembly = null;
                continue;
            }

            if (line.Contains("Total generator execution time:", StringComparison.Ordinal)
                || line.Contains("Done executing task \"Csc\"", StringComparison.Ordinal)
                || line.Contains("Performance Summary", StringComparison.Ordinal)
                || line.Contains("Build succeeded", StringComparison.Ordinal))
            {
                section = Section.None;
                continue;
            }

            if (section == Section.Analyzers && TimeLine().Match(line) is { Success: true } row)
            {
                var seconds = Seconds(row.Groups["s"].Value);
                var name = row.Groups["name"].Value.Trim();
                if (AssemblyName().Match(name) is { Success: true } asm)
                {
                    assembly = asm.Groups["simple"].Value;
                    report.AssemblySeconds[assembly] = report.AssemblySeconds.GetValueOrDefault(assembly) + seconds;
                }
                else if (assembly is not null)
                {
                    var key = (assembly, name);
                    report.AnalyzerSeconds[key] = report.AnalyzerSeconds.GetValueOrDefault(key) + seconds;
                }

                continue;
            }

            if (CscLine().Match(line) is { Success: true } csc)
            {
                report.CscMilliseconds += double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            // MSBuild repeats every warning in its closing summary: one location and id count once.
            if (DiagnosticLine().Match(line) is { Success: true } diagnostic
                && diagnostics.Add(diagnostic.Groups["at"].Value + " " + diagnostic.Groups["id"].Value))
            {
                var id = diagnostic.Groups["id"].Value;
                report.DiagnosticCounts[id] = report.DiagnosticCounts.GetValueOrDefault(id) + 1;
            }
        }

        return report;
    }

    /// <summary>Seconds spent in the given analyzer assemblies (simple names, case-insensitive).</summary>
    public double SecondsIn(IReadOnlyCollection<string> assemblies)
    {
        var sum = 0.0;
        foreach (var (name, seconds) in AssemblySeconds)
        {
            if (Contains(assemblies, name))
            {
                sum += seconds;
            }
        }

        return sum;
    }

    /// <summary>Per-analyzer seconds of the given assemblies, keyed by analyzer type name.</summary>
    public Dictionary<string, double> AnalyzersIn(IReadOnlyCollection<string> assemblies)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ((asm, analyzer), seconds) in AnalyzerSeconds)
        {
            if (Contains(assemblies, asm))
            {
                result[analyzer] = result.GetValueOrDefault(analyzer) + seconds;
            }
        }

        return result;
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "<0.001" is below the report's resolution: counted as nothing.
    private static double Seconds(string text)
        => text.StartsWith('<') ? 0.0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private enum Section
    {
        None,
        Analyzers,
    }

    [GeneratedRegex(@"Total analyzer execution time:\s*(?<s>[0-9.]+)\s*seconds", RegexOptions.CultureInvariant)]
    private static partial Regex TotalAnalyzerLine();

    // "   0.813   56   Assembly, Version=…" or "   <0.001   <1      Namespace.TypeAnalyzer (ID1, ID2)"
    [GeneratedRegex(@"^\s*(?:\d+>)?\s*(?<s><?[0-9]+(?:\.[0-9]+)?)\s+<?[0-9]+\s+(?<name>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeLine();

    [GeneratedRegex(@"^(?<simple>[^,\s]+), Version=", RegexOptions.CultureInvariant)]
    private static partial Regex AssemblyName();

    // Task Performance Summary: "     4919 ms  Csc                                        1 calls"
    [GeneratedRegex(@"^\s*(?<ms>[0-9]+) ms\s+Csc\s+[0-9]+ calls", RegexOptions.CultureInvariant)]
    private static partial Regex CscLine();

    [GeneratedRegex(@"(?<at>[^\s>][^>]*?\([0-9]+,[0-9]+(?:,[0-9]+,[0-9]+)?\)):\s(?:warning|error)\s(?<id>[A-Za-z]+[0-9]+):", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();
}
