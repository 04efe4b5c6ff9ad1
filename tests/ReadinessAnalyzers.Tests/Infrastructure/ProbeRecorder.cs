using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs through the real analyzer driver and records every invocation of a method named <c>Probe</c>,
/// so the infrastructure is tested with exactly the operations and containing symbols rules get.
/// </summary>
// RS1036 asks analyzer projects for EnforceExtendedAnalyzerRules; this probe is never loaded by a
// compiler host (it runs in-process through CompilationWithAnalyzers), and the extended rules would ban
// the file access the test project legitimately needs.
#pragma warning disable RS1036
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ProbeRecorder : DiagnosticAnalyzer
{
    // Never reported and never shipped, so release tracking (RS2008) has nothing to track.
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor s_unused = new(
        "PROBE001", "Probe", "Probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    private readonly ConcurrentQueue<ProbeSite> _sites = new();

#pragma warning restore RS1036
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_unused);

    /// <summary>Every <c>Probe()</c> call site in source order.</summary>
    public static async Task<ImmutableArray<ProbeSite>> FindAllAsync(Compilation compilation, AnalyzerOptions options)
    {
        var recorder = new ProbeRecorder();
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(recorder), options)
            .GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics); // an AD0001 here would mean the driver, not the test, failed
        return recorder._sites
            .OrderBy(s => s.Operation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(s => s.Operation.Syntax.SpanStart)
            .ToImmutableArray();
    }

    /// <summary>The one <c>Probe()</c> call site of the compilation.</summary>
    public static async Task<ProbeSite> FindSingleAsync(Compilation compilation, AnalyzerOptions options)
        => Assert.Single(await FindAllAsync(compilation, options));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(Record, OperationKind.Invocation);
    }

    private void Record(OperationAnalysisContext context)
    {
        if (context.Operation is IInvocationOperation { TargetMethod.Name: "Probe" } invocation)
        {
            _sites.Enqueue(new ProbeSite(invocation, context.ContainingSymbol, context.Compilation));
        }
    }
}
