using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Tells test projects from production code, for the rules that treat them differently.</summary>
internal static class TestProjects
{
    private static readonly ImmutableHashSet<string> s_testFrameworks = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "MSTest.TestFramework", "TUnit.Core");

    private static readonly string[] s_testAssemblySuffixes =
        [".Tests", ".Test", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".Specs"];

    /// <summary>
    /// True when <paramref name="compilation"/> references a test framework (xUnit, NUnit, MSTest, TUnit)
    /// or its assembly is named like a test project (<c>Engine.Tests</c>, <c>Engine.UnitTests</c>).
    /// </summary>
    public static bool IsTestProject(Compilation compilation)
    {
        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            if (s_testFrameworks.Contains(reference.Name))
            {
                return true;
            }
        }

        var name = compilation.AssemblyName;
        if (name is null)
        {
            return false;
        }

        foreach (var suffix in s_testAssemblySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
