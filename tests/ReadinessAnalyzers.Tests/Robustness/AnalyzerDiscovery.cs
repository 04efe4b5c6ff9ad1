using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>Every analyzer and code fix the package ships, found by reflection so later rules are covered unasked.</summary>
internal static class AnalyzerDiscovery
{
    public static Assembly AnalyzerAssembly => typeof(BlockingCallAnalyzer).Assembly;

    public static Assembly CodeFixAssembly => typeof(CodeFixes.BlockingCallCodeFixProvider).Assembly;

    /// <summary>Non-abstract <see cref="DiagnosticAnalyzer"/> types with <see cref="DiagnosticAnalyzerAttribute"/>, by name.</summary>
    public static ImmutableArray<Type> AnalyzerTypes()
        => Find(AnalyzerAssembly, typeof(DiagnosticAnalyzer), typeof(DiagnosticAnalyzerAttribute));

    /// <summary>Non-abstract <see cref="CodeFixProvider"/> types with <see cref="ExportCodeFixProviderAttribute"/>, by name.</summary>
    public static ImmutableArray<Type> CodeFixProviderTypes()
        => Find(CodeFixAssembly, typeof(CodeFixProvider), typeof(ExportCodeFixProviderAttribute));

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
        => AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CreateCodeFixProviders()
        => CodeFixProviderTypes().Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

    private static ImmutableArray<Type> Find(Assembly assembly, Type baseType, Type attribute)
        => assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && baseType.IsAssignableFrom(t) && t.IsDefined(attribute, inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToImmutableArray();
}
