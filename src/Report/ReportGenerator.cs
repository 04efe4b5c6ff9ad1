using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReadinessAnalyzers.Report.Baseline;
using ReadinessAnalyzers.Report.Catalog;
using ReadinessAnalyzers.Report.Discovery;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Sarif;
using ReadinessAnalyzers.Report.Scoring;

namespace ReadinessAnalyzers.Report;

/// <summary>From the options to the report: read the logs, place each finding, count the code, score, compare.</summary>
internal sealed class ReportGenerator
{
    private const string NoProject = "(no project)";

    private readonly ReportOptions _options;
    private readonly TextWriter _warnings;
    private readonly DisplayPaths _paths;
    private readonly ProjectLocator _projects;
    private readonly SourceFiles _sources = new();
    private readonly SortedDictionary<string, int> _uncategorized = new(StringComparer.Ordinal);

    private ReportGenerator(ReportOptions options, TextWriter warnings)
    {
        _options = options;
        _warnings = warnings;
        _paths = new DisplayPaths(FullPath(options.Root));
        _projects = new ProjectLocator(_paths);
    }

    /// <exception cref="ReportInputException">A log or a <c>--source</c> path is missing or malformed.</exception>
    public static ReadinessReport Build(ReportOptions options, TextWriter warnings)
        => new ReportGenerator(options, warnings).Build();

    /// <summary>The version the reports carry: the tool's package version.</summary>
    public static string ToolVersion
    {
        get
        {
            var attribute = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(
                typeof(ReportGenerator).Assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
            var version = attribute?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>An absolute path as given (a Windows root stays one on Linux), a relative one from the current directory.</summary>
    private static string FullPath(string path)
        => path.Length == 0 ? Directory.GetCurrentDirectory()
            : PathText.IsAbsolute(PathText.Normalize(path)) ? path : Path.GetFullPath(path);

    private ReadinessReport Build()
    {
        var projectDirectories = new SortedSet<string>(StringComparer.Ordinal);
        var findings = ReadFindings(_options.SarifFiles, projectDirectories, placeInModules: true);
        BaselineSummary? baseline = null;
        if (_options.Baselines.Count > 0)
        {
            var old = ReadFindings(_options.Baselines, projectDirectories: null, placeInModules: false);
            (findings, baseline) = BaselineComparer.Compare(findings, old);
        }

        foreach (var (ruleId, count) in _uncategorized)
        {
            _warnings.WriteLine($"readiness-report: warning: {ruleId} has no known category; its {count} result(s) are not in the report");
        }

        var moduleLines = new Dictionary<(string Project, string Namespace), long>();
        var sourceLines = CountSources(_options.Sources.Count > 0 ? _options.Sources : projectDirectories, moduleLines);
        return Score(findings, sourceLines, moduleLines, baseline);
    }

    private List<Finding> ReadFindings(IEnumerable<string> files, SortedSet<string>? projectDirectories, bool placeInModules)
    {
        var findings = new List<Finding>();
        foreach (var file in files)
        {
            var log = SarifReader.Read(file);
            var logName = Path.GetFileNameWithoutExtension(file);
            foreach (var result in log.Results)
            {
                if (ToFinding(result, logName, projectDirectories, placeInModules) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }

    private Finding? ToFinding(SarifResult result, string logName, SortedSet<string>? projectDirectories, bool placeInModules)
    {
        var rule = RuleCatalog.Find(result.RuleId);
        var category = Categories.FromId(result.Category) ?? rule?.Category ?? Categories.FromRuleId(result.RuleId);
        if (category is null)
        {
            if (placeInModules)
            {
                _uncategorized[result.RuleId] = _uncategorized.GetValueOrDefault(result.RuleId) + 1;
            }

            return null;
        }

        string project = logName, ns = SourceFile.UnknownNamespace;
        if (placeInModules && result.FilePath is { } file)
        {
            if (_projects.Find(file) is { } found)
            {
                project = found.Name;
                projectDirectories?.Add(found.Directory);
            }

            ns = _sources.Get(file)?.NamespaceAt(result.Line, result.Column) ?? SourceFile.UnknownNamespace;
        }

        return new Finding
        {
            RuleId = result.RuleId,
            Level = result.Level,
            Category = category.Value,
            Title = result.RuleTitle ?? rule?.Title ?? result.RuleId,
            Message = result.Message,
            Path = _paths.Display(result.FilePath),
            Line = result.Line,
            Column = result.Column,
            HelpUri = result.HelpUri ?? (rule is null ? null : RuleCatalog.HelpLinkBase + rule.Id + ".md"),
            HasCodeFix = rule?.HasCodeFix ?? false,
            Suppressed = result.Suppressed,
            Project = placeInModules ? project : "",
            Namespace = placeInModules ? ns : "",
        };
    }

    /// <summary>Non-blank lines of every C# file under the roots (each file once), also added up per module.</summary>
    private long CountSources(IEnumerable<string> roots, Dictionary<(string Project, string Namespace), long> moduleLines)
    {
        var counted = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var root in roots)
        {
            var files = SourceTree.CSharpFiles(root)
                ?? throw new ReportInputException($"--source {root}: no such file or directory");
            foreach (var file in files)
            {
                if (!counted.Add(file) || _sources.Get(file) is not { } source)
                {
                    continue;
                }

                total += source.NonBlankLines;
                var module = (_projects.Find(file)?.Name ?? NoProject, source.FirstNamespace);
                moduleLines[module] = moduleLines.GetValueOrDefault(module) + source.NonBlankLines;
            }
        }

        return total;
    }

    private static ReadinessReport Score(
        List<Finding> findings,
        long sourceLines,
        Dictionary<(string Project, string Namespace), long> moduleLines,
        BaselineSummary? baseline)
    {
        var active = new List<Finding>(findings.Count);
        var suppressed = 0;
        foreach (var finding in findings)
        {
            if (finding.Suppressed)
            {
                suppressed++;
            }
            else
            {
                active.Add(finding);
            }
        }

        active.Sort(FindingOrder.Instance);

        var categoryCount = Categories.All.Count;
        var tallies = new CategoryTally[categoryCount];
        for (var c = 0; c < categoryCount; c++)
        {
            tallies[c] = new CategoryTally();
        }

        var modules = new SortedDictionary<(string Project, string Namespace), ModuleTally>(ModuleKeyOrder.Instance);
        foreach (var (module, lines) in moduleLines)
        {
            modules[module] = new ModuleTally(categoryCount) { Lines = lines };
        }

        decimal penalty = 0;
        foreach (var finding in active)
        {
            var cost = ScoringRules.Penalty(finding);
            penalty += cost;
            tallies[(int)finding.Category].Add(finding, cost);

            var key = (finding.Project, finding.Namespace);
            if (!modules.TryGetValue(key, out var tally))
            {
                modules[key] = tally = new ModuleTally(categoryCount);
            }

            tally.ByCategory[(int)finding.Category]++;
            tally.Blocking += finding.Blocking ? 1 : 0;
            tally.Penalty += cost;
        }

        var categories = new List<CategoryScore>(categoryCount);
        foreach (var category in Categories.All)
        {
            var t = tallies[(int)category];
            categories.Add(new CategoryScore(category, t.Findings, t.Blocking, t.Errors, t.Warnings, t.Notes,
                t.Penalty, ScoringRules.Score(t.Penalty, sourceLines)));
        }

        var moduleScores = new List<ModuleScore>(modules.Count);
        foreach (var ((project, ns), tally) in modules)
        {
            moduleScores.Add(new ModuleScore(project, ns, tally.Lines, tally.ByCategory, tally.ByCategory.Sum(), tally.Blocking,
                tally.Penalty, ScoringRules.Score(tally.Penalty, tally.Lines)));
        }

        // OrderBy is stable: within a score, the project and namespace order of the SortedDictionary stays.
        var ordered = moduleScores.OrderBy(static m => m.Score).ToList();

        var score = ScoringRules.Score(penalty, sourceLines);
        var errors = categories.Sum(static c => c.Errors);
        var blocking = categories.Sum(static c => c.Blocking);
        return new ReadinessReport
        {
            ToolVersion = ToolVersion,
            Score = score,
            Verdict = ScoringRules.Decide(score, anyError: errors > 0, anyBlocking: blocking > 0),
            SourceLines = sourceLines,
            Penalty = penalty,
            Findings = active,
            BlockingCount = blocking,
            ErrorCount = errors,
            WarningCount = categories.Sum(static c => c.Warnings),
            NoteCount = categories.Sum(static c => c.Notes),
            SuppressedCount = suppressed,
            Categories = categories,
            Modules = ordered,
            Baseline = baseline,
        };
    }

    private sealed class CategoryTally
    {
        public int Findings { get; private set; }

        public int Blocking { get; private set; }

        public int Errors { get; private set; }

        public int Warnings { get; private set; }

        public int Notes { get; private set; }

        public decimal Penalty { get; private set; }

        public void Add(Finding finding, decimal cost)
        {
            Findings++;
            Blocking += finding.Blocking ? 1 : 0;
            Errors += finding.Level == FindingLevel.Error ? 1 : 0;
            Warnings += finding.Level == FindingLevel.Warning ? 1 : 0;
            Notes += finding.Level == FindingLevel.Note ? 1 : 0;
            Penalty += cost;
        }
    }

    private sealed class ModuleTally(int categories)
    {
        public long Lines { get; init; }

        public int[] ByCategory { get; } = new int[categories];

        public int Blocking { get; set; }

        public decimal Penalty { get; set; }
    }

    private sealed class ModuleKeyOrder : IComparer<(string Project, string Namespace)>
    {
        public static ModuleKeyOrder Instance { get; } = new();

        public int Compare((string Project, string Namespace) x, (string Project, string Namespace) y)
        {
            var order = string.CompareOrdinal(x.Project, y.Project);
            return order != 0 ? order : string.CompareOrdinal(x.Namespace, y.Namespace);
        }
    }
}
