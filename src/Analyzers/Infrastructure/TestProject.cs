using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Recognises a test project: one that references a unit-test framework (xUnit, NUnit, MSTest, TUnit),
/// or whose MSBuild property <c>IsTestProject</c> is <c>true</c> when the build makes it visible to
/// analyzers (<c>build_property.IsTestProject</c>). Rules that exempt tests ask this once per compilation.
/// </summary>
internal static class TestProject
{
    /// <summary>The analyzer-config key under which MSBuild exposes <c>IsTestProject</c>.</summary>
    public const string IsTestProjectKey = "build_property.IsTestProject";

    /// <summary>True when the compilation is a test project.</summary>
    public static bool IsTestProject(WellKnownTypes types, AnalyzerOptions options)
        => types.ReferencesTestFramework
           || (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IsTestProjectKey, out var value)
               && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
