using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ReadinessAnalyzers.Tests.Package;

/// <summary>The parts of a compiler SARIF 2.1 log the package tests read: results and rule help links.</summary>
public sealed class SarifLog
{
    private SarifLog(IReadOnlyList<Finding> results, IReadOnlyDictionary<string, string> helpUris)
    {
        Results = results;
        HelpUris = helpUris;
    }

    /// <summary>Every reported diagnostic: id, SARIF level (error, warning, note) and file name.</summary>
    public IReadOnlyList<Finding> Results { get; }

    /// <summary>Rule id to its <c>helpUri</c>, for every rule the log describes.</summary>
    public IReadOnlyDictionary<string, string> HelpUris { get; }

    public IEnumerable<Finding> ResultsFor(string ruleId) => Results.Where(r => r.RuleId == ruleId);

    public static SarifLog Load(string path, DotnetCli.Result build)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The build wrote no SARIF log at {path}.\n" + build.Describe());
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<Finding>();
        var helpUris = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("tool", out var tool)
                && tool.GetProperty("driver").TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    if (rule.TryGetProperty("helpUri", out var helpUri))
                    {
                        helpUris[rule.GetProperty("id").GetString()!] = helpUri.GetString()!;
                    }
                }
            }

            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                // SARIF's default level is "warning" when the property is absent.
                var level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
                var file = "";
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0)
                {
                    var uri = locations[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                    file = uri[(uri.LastIndexOf('/') + 1)..];
                }

                results.Add(new Finding(result.GetProperty("ruleId").GetString()!, level, file));
            }
        }

        return new SarifLog(results, helpUris);
    }

    public override string ToString()
        => Results.Count == 0 ? "(no results)" : string.Join("; ", Results.Select(r => $"{r.RuleId} {r.Level} in {r.File}"));

    public sealed record Finding(string RuleId, string Level, string File);
}
