using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>RDY403: Environment.Exit / Environment.FailFast outside the entry point.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessExitAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.ProcessExit);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (types.Environment is null)
        {
            return;
        }

        var analysis = new Analysis(types);
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnMethodReference, OperationKind.MethodReference);
    }

    private sealed class Analysis(WellKnownTypes types)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            Check(context, invocation.TargetMethod, invocation.Syntax);
        }

        // Action<int> exit = Environment.Exit; hands the same kill switch to someone else.
        [MethodImpl(JitOptions.Optimized)]
        public void OnMethodReference(OperationAnalysisContext context)
        {
            var reference = (IMethodReferenceOperation)context.Operation;
            Check(context, reference.Method, reference.Syntax);
        }

        private void Check(OperationAnalysisContext context, IMethodSymbol method, SyntaxNode syntax)
        {
            if (method.Name is not ("Exit" or "FailFast")
                || !WellKnownTypes.Is(method.ContainingType, types.Environment)
                || IsEntryPoint(context.ContainingSymbol))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.ProcessExit, syntax.GetLocation(), "Environment." + method.Name));
        }

        // The entry point owns the process: a static Main (any signature) or the top-level statements.
        // ContainingSymbol is the member, so lambdas and local functions inside Main are covered too.
        private static bool IsEntryPoint(ISymbol symbol)
            => symbol is IMethodSymbol { IsStatic: true, Name: "Main" or WellKnownMemberNames.TopLevelStatementsEntryPointMethodName };
    }
}
