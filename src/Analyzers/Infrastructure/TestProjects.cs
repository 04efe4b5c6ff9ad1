using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Decides whether a compilation is a test project, for the rules that exempt tests.</summary>
internal static class TestProjects
{
    // The assemblies a test written with xunit (v2, v3), NUnit, MSTest or TUnit compiles against.
    private static readonly ImmutableHashSet<string> s_testFrameworkAssemblies = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework",
        "TUnit.Core");

    // The last segment of a test assembly's name by convention: Engine.Tests, Engine.UnitTests.
    // Whole segments only: Strategies.Backtest is production code.
    private static readonly ImmutableHashSet<string> s_testAssemblySuffixes = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Test", "Tests", "UnitTest", "UnitTests", "IntegrationTest", "IntegrationTests",
        "FunctionalTests", "AcceptanceTests", "Specs");

    /// <summary>
    /// True when <paramref name="compilation"/> references a test framework (xunit, NUnit, MSTest, TUnit)
    /// or its assembly name is or ends with a test segment (<c>.Tests</c>, <c>.UnitTests</c>, <c>.Specs</c>, …).
    /// </summary>
    public static bool IsTestProject(Compilation compilation)
    {
        var name = compilation.AssemblyName;
        if (name is not null)
        {
            var lastDot = name.LastIndexOf('.');
            if (s_testAssemblySuffixes.Contains(lastDot >= 0 ? name.Substring(lastDot + 1) : name))
            {
                return true;
            }
        }

        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            if (s_testFrameworkAssemblies.Contains(reference.Name))
            {
                return true;
            }
        }

        return false;
    }
}
