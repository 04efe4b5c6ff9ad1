using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ReadinessAnalyzers.Report.Catalog;
using ReadinessAnalyzers.Report.Model;
using Xunit;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>
/// The report's built-in rule table against the shipped assemblies: every descriptor of the analyzers
/// (id, category, title) and every code fix's FixableDiagnosticIds, so the table cannot drift.
/// </summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void Catalog_HasExactlyTheAnalyzersRules()
    {
        var descriptors = Descriptors().ToDictionary(d => d.Id, StringComparer.Ordinal);

        Assert.Equal(descriptors.Keys.Order(StringComparer.Ordinal), RuleCatalog.All.Select(r => r.Id));
        foreach (var rule in RuleCatalog.All)
        {
            var descriptor = descriptors[rule.Id];
            Assert.Equal(descriptor.Category, Categories.Id(rule.Category));
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), rule.Title);
            Assert.Equal(descriptor.HelpLinkUri, RuleCatalog.HelpLinkBase + rule.Id + ".md");
            Assert.Equal(rule.Category, Categories.FromRuleId(rule.Id)); // the fallback for a log without categories agrees
        }
    }

    [Fact]
    public void HasCodeFix_IsTrueExactlyForTheFixableIds()
    {
        var fixable = new SortedSet<string>(StringComparer.Ordinal);
        var providers = typeof(ReadinessAnalyzers.CodeFixes.BlockingCallCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(providers);
        foreach (var type in providers)
        {
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            fixable.UnionWith(provider.FixableDiagnosticIds);
        }

        Assert.Equal(fixable, RuleCatalog.All.Where(r => r.HasCodeFix).Select(r => r.Id));
    }

    [Theory]
    [InlineData("RDY101", true)]
    [InlineData("RDY999", true)]
    [InlineData("RDY1011", false)]
    [InlineData("RDY10", false)]
    [InlineData("RDYX01", false)]
    [InlineData("rdy101", false)]
    [InlineData("CA2007", false)]
    [InlineData("CS0168", false)]
    [InlineData("IDE0005", false)]
    [InlineData(null, false)]
    public void ReadinessRuleIds_AreRdyAndThreeDigits(string? id, bool expected)
        => Assert.Equal(expected, RuleCatalog.IsReadinessRuleId(id));

    private static IEnumerable<DiagnosticDescriptor> Descriptors()
        => typeof(Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
