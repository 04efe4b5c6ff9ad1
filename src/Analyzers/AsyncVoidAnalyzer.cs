using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>RDY105: async void methods, local functions and lambdas converted to void-returning delegates.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.AsyncVoid);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        if (types.Task is null)
        {
            return; // without tasks there is no async code to judge
        }

        var analysis = new Analysis(types.EventArgs);
        context.RegisterSymbolAction(analysis.OnMethod, SymbolKind.Method);
        context.RegisterOperationAction(analysis.OnLocalFunction, OperationKind.LocalFunction);
        context.RegisterOperationAction(analysis.OnAnonymousFunction, OperationKind.AnonymousFunction);
    }

    private sealed class Analysis(INamedTypeSymbol? eventArgs)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (!method.IsAsync || !method.ReturnsVoid || method.MethodKind != MethodKind.Ordinary
                || method.IsOverride || IsEventHandler(method.Parameters)
                || !method.ExplicitInterfaceImplementations.IsEmpty || ImplementsInterface(method))
            {
                return; // an override or interface implementation cannot change its signature
            }

            foreach (var location in method.Locations)
            {
                if (location.IsInSource)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.AsyncVoid, location, method.Name));
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnLocalFunction(OperationAnalysisContext context)
        {
            var function = (ILocalFunctionOperation)context.Operation;
            var symbol = function.Symbol;
            if (!symbol.IsAsync || !symbol.ReturnsVoid || IsEventHandler(symbol.Parameters)
                || function.Syntax is not LocalFunctionStatementSyntax syntax)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.AsyncVoid, syntax.Identifier.GetLocation(), symbol.Name));
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnAnonymousFunction(OperationAnalysisContext context)
        {
            var lambda = (IAnonymousFunctionOperation)context.Operation;
            var symbol = lambda.Symbol;
            if (!symbol.IsAsync || !symbol.ReturnsVoid || IsEventHandler(symbol.Parameters)
                || lambda.Syntax is not AnonymousFunctionExpressionSyntax syntax)
            {
                return; // async lambdas converted to Func<Task> are fine; (object, EventArgs) ones are event handlers
            }

            var delegateName = lambda.Parent is IDelegateCreationOperation { Type: { } delegateType }
                ? delegateType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)
                : "a void-returning delegate";
            var end = syntax switch
            {
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ArrowToken.Span.End,
                SimpleLambdaExpressionSyntax simple => simple.ArrowToken.Span.End,
                AnonymousMethodExpressionSyntax anonymous => anonymous.DelegateKeyword.Span.End,
                _ => syntax.Span.End,
            };
            var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
            context.ReportDiagnostic(Diagnostic.Create(Rules.AsyncVoid, location, "async lambda converted to " + delegateName));
        }

        // (object sender, TEventArgs e): TEventArgs derives from EventArgs or, for event-args types
        // that do not, is named like one.
        private bool IsEventHandler(ImmutableArray<IParameterSymbol> parameters)
        {
            if (parameters.Length != 2 || parameters[0].Type.SpecialType != SpecialType.System_Object)
            {
                return false;
            }

            var args = parameters[1].Type;
            if (args.Name.EndsWith("EventArgs", System.StringComparison.Ordinal))
            {
                return true;
            }

            for (var type = args.BaseType; type is not null; type = type.BaseType)
            {
                if (WellKnownTypes.Is(type, eventArgs))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ImplementsInterface(IMethodSymbol method)
        {
            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
