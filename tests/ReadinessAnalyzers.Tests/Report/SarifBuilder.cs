using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReadinessAnalyzers.Report.Catalog;
using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>One result for <see cref="SarifBuilder"/>: what the compiler writes for a diagnostic.</summary>
public sealed record SarifResultSpec(
    string RuleId,
    string Level,
    string Uri,
    int Line,
    int Column = 5,
    string Message = "'Thread.Sleep' blocks this thread",
    string? SuppressionStatus = null,
    bool Suppressed = false,
    string? UriBaseId = null);

/// <summary>Writes SARIF 2.1 logs shaped like the C# compiler's: results first, then the driver's rules.</summary>
public static class SarifBuilder
{
    public static string Build(IEnumerable<SarifResultSpec> results, IReadOnlyDictionary<string, string>? uriBases = null)
    {
        var resultArray = new JsonArray();
        var ruleIds = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var r in results)
        {
            ruleIds.Add(r.RuleId);
            var artifact = new JsonObject { ["uri"] = r.Uri };
            if (r.UriBaseId is not null)
            {
                artifact["uriBaseId"] = r.UriBaseId;
            }

            var result = new JsonObject
            {
                ["ruleId"] = r.RuleId,
                ["level"] = r.Level,
                ["message"] = new JsonObject { ["text"] = r.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = artifact,
                        ["region"] = new JsonObject
                        {
                            ["startLine"] = r.Line,
                            ["startColumn"] = r.Column,
                            ["endLine"] = r.Line,
                            ["endColumn"] = r.Column + 10,
                        },
                    },
                }),
                ["properties"] = new JsonObject { ["warningLevel"] = 1 },
            };
            if (r.Suppressed || r.SuppressionStatus is not null)
            {
                var suppression = new JsonObject { ["kind"] = "inSource" };
                if (r.SuppressionStatus is not null)
                {
                    suppression["status"] = r.SuppressionStatus;
                }

                result["suppressions"] = new JsonArray(suppression);
            }

            resultArray.Add(result);
        }

        var rules = new JsonArray();
        foreach (var id in ruleIds)
        {
            var rule = new JsonObject { ["id"] = id };
            if (RuleCatalog.Find(id) is { } info)
            {
                rule["shortDescription"] = new JsonObject { ["text"] = info.Title };
                rule["helpUri"] = RuleCatalog.HelpLinkBase + id + ".md";
                rule["properties"] = new JsonObject { ["category"] = Categories.Id(info.Category) };
            }

            rules.Add(rule);
        }

        var run = new JsonObject
        {
            ["results"] = resultArray,
            ["properties"] = new JsonObject { ["analyzerExecutionTime"] = "0.1" },
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "Microsoft (R) Visual C# Compiler",
                    ["version"] = "5.0.0",
                    ["rules"] = rules,
                },
            },
            ["columnKind"] = "utf16CodeUnits",
        };
        if (uriBases is not null)
        {
            var bases = new JsonObject();
            foreach (var (id, uri) in uriBases)
            {
                bases[id] = new JsonObject { ["uri"] = uri };
            }

            run["originalUriBaseIds"] = bases;
        }

        var log = new JsonObject
        {
            ["$schema"] = "http://json.schemastore.org/sarif-2.1.0",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Write(TempTree tree, string relative, params SarifResultSpec[] results)
        => tree.Write(relative, Build(results));

    public static string Write(string path, IEnumerable<SarifResultSpec> results)
    {
        File.WriteAllText(path, Build(results));
        return path;
    }
}
