using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ReadinessAnalyzers.Tests.Catalog;

/// <summary>Every descriptor in Rules.cs has its help link, docs page, README row, release entry and test class.</summary>
public sealed class CatalogTests
{
    public static TheoryData<string> RuleIdsData()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Catalog_HasRules() => Assert.NotEmpty(Descriptors());

    [Fact]
    public void RuleIds_AreUniqueAndMatchTheirConstants()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (string)f.GetValue(null)!, f => f.Name, StringComparer.Ordinal);
        var descriptors = typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToList();

        Assert.Equal(constants.Count, descriptors.Count);
        foreach (var field in descriptors)
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            Assert.True(constants.TryGetValue(descriptor.Id, out var name), $"{descriptor.Id} has no RuleIds constant");
            Assert.Equal(name, field.Name);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void Descriptor_FollowsTheWordingRules(string id)
    {
        var descriptor = Find(id);
        var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Matches("^RDY[1-5][0-9]{2}$", id);
        Assert.StartsWith("Readiness.", descriptor.Category, StringComparison.Ordinal);
        Assert.False(title.EndsWith('.'), $"{id}: title ends with a period");
        Assert.False(message.EndsWith('.'), $"{id}: message ends with a period");
        Assert.True(char.IsUpper(title[0]), $"{id}: title is not sentence case");
        Assert.Contains("'{0}'", message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Rules.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void DocsPage_ExistsAndHeadsWithTheTitle(string id)
    {
        var descriptor = Find(id);
        var page = RepositoryRoot.Combine("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");

        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        foreach (var section in new[] { "## What it flags", "## What it does not flag", "## Why it matters", "## How to fix", "## Configuration", "## When to suppress" })
        {
            Assert.Contains(section, lines);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void ReadmeRow_MatchesTheDescriptor(string id)
    {
        var descriptor = Find(id);
        var readme = File.ReadAllLines(RepositoryRoot.Combine("README.md"));
        var hasFix = FixableIds().Contains(id) ? "yes" : "no";
        var expected = $"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.Category} | {Severity(descriptor)} | {hasFix} |";

        Assert.Contains(expected, readme);
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void ReleaseTracking_ListsTheRule(string id)
    {
        var descriptor = Find(id);
        var releases = File.ReadAllLines(RepositoryRoot.Combine("src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(RepositoryRoot.Combine("src", "Analyzers", "AnalyzerReleases.Shipped.md")));

        Assert.Contains(releases, line => line.StartsWith($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void TestClass_ExistsForTheRule(string id)
    {
        var name = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Single(f => (string)f.GetValue(null)! == id).Name;
        var expected = id + name + "Tests";

        Assert.Contains(typeof(CatalogTests).Assembly.GetTypes(), t => t.Name == expected);
    }

    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void ExactlyOneAnalyzer_OwnsTheRule(string id)
    {
        var descriptor = Find(id);
        var owners = Analyzers().Where(a => a.SupportedDiagnostics.Any(d => ReferenceEquals(d, descriptor))).ToList();
        Assert.Single(owners);
    }

    // Another analyzer may report an id only through a CompilationEndRules twin (BlockingChainAnalyzer
    // deciding a lock's RDY103/RDY108 at compilation end): the same rule in every field the user sees,
    // plus the CompilationEnd tag.
    [Theory]
    [MemberData(nameof(RuleIdsData))]
    public void OtherDescriptorsOfTheRule_AreCompilationEndTwins(string id)
    {
        var descriptor = Find(id);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var others = Analyzers().SelectMany(a => a.SupportedDiagnostics)
            .Where(d => d.Id == id && !ReferenceEquals(d, descriptor));
        foreach (var twin in others)
        {
            Assert.Equal(descriptor.Title.ToString(culture), twin.Title.ToString(culture));
            Assert.Equal(descriptor.MessageFormat.ToString(culture), twin.MessageFormat.ToString(culture));
            Assert.Equal(descriptor.Description.ToString(culture), twin.Description.ToString(culture));
            Assert.Equal(descriptor.Category, twin.Category);
            Assert.Equal(descriptor.DefaultSeverity, twin.DefaultSeverity);
            Assert.Equal(descriptor.IsEnabledByDefault, twin.IsEnabledByDefault);
            Assert.Equal(descriptor.HelpLinkUri, twin.HelpLinkUri);
            Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, twin.CustomTags);
        }
    }

    private static DiagnosticDescriptor Find(string id) => Descriptors().Single(d => d.Id == id);

    private static List<DiagnosticDescriptor> Descriptors()
        => typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static List<DiagnosticAnalyzer> Analyzers()
        => typeof(BlockingCallAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    private static HashSet<string> FixableIds()
        => typeof(CodeFixes.BlockingCallCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);

    private static string Severity(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
