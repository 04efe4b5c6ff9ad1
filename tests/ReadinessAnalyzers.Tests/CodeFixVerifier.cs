using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ReadinessAnalyzers.Tests;

/// <summary>The one place test setup lives: .NET 8 reference assemblies, analyzer + fix under test.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Reports exactly the markup's diagnostics and nothing else.</summary>
    public static Task AnalyzerAsync(string source) => new Test { TestCode = source }.RunAsync();

    /// <summary>Reports the markup's diagnostics and fixes them (single fix and Fix All in document,
    /// project and solution) into <paramref name="fixedSource"/>, which must compile.</summary>
    public static Task CodeFixAsync(string source, string fixedSource)
        => new Test { TestCode = source, FixedCode = fixedSource }.RunAsync();

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test() => ReferenceAssemblies = ReferenceAssemblies.Net.Net80;

        /// <summary>Analyzers that run beside <typeparamref name="TAnalyzer"/>, for rules two analyzers
        /// decide together (a lock's RDY103/RDY108 verdict that waits for RDY107's call graph).</summary>
        public List<DiagnosticAnalyzer> AlongsideAnalyzers { get; } = new();

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => base.GetDiagnosticAnalyzers().Concat(AlongsideAnalyzers);
    }
}
