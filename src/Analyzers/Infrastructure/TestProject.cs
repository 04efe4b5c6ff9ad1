using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Recognises a test project, for the rules that exempt tests (RDY203, RDY204, RDY404): it references a
/// unit-test framework (xUnit, NUnit, MSTest, TUnit: by assembly or by the framework's attribute type),
/// its assembly name ends with a test segment (<c>.Tests</c>, <c>.UnitTests</c>, <c>.Specs</c>, …), or the
/// build says so (<c>build_property.IsTestProject = true</c>). Rules ask once per compilation.
/// </summary>
internal static class TestProject
{
    /// <summary>The analyzer-config key under which MSBuild exposes <c>IsTestProject</c>.</summary>
    public const string IsTestProjectKey = "build_property.IsTestProject";

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

    /// <summary>True when the compilation is a test project.</summary>
    public static bool IsTestProject(Compilation compilation, WellKnownTypes types, AnalyzerOptions options)
    {
        if (types.ReferencesTestFramework
            || (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IsTestProjectKey, out var value)
                && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

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
