using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// Async work whose failure nobody observes: RDY105 (async void methods, local functions and lambdas
/// converted to void-returning delegates) and RDY106 (tasks dropped on an async or hot path where the
/// compiler's CS4014 is silent). One family because the rules meet: RDY105's fix (return Task) leaves
/// callers that drop the task, which is RDY106's finding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FireAndForgetAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the drop is a discard (<c>_ = …</c>) that <c>await</c> can replace.</summary>
    public const string DiscardProperty = "Discard";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.AsyncVoid, Rules.DroppedTask);

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

        // Each rule's part is registered only when the rule is on somewhere (see RuleSwitch).
        if (RuleSwitch.IsOn(context.Compilation, Rules.AsyncVoid, context.CancellationToken))
        {
            var asyncVoid = new AsyncVoidAnalysis(types.EventArgs);
            context.RegisterSymbolAction(asyncVoid.OnMethod, SymbolKind.Method);
            context.RegisterOperationAction(asyncVoid.OnLocalFunction, OperationKind.LocalFunction);
            context.RegisterOperationAction(asyncVoid.OnAnonymousFunction, OperationKind.AnonymousFunction);
        }

        if (RuleSwitch.IsOn(context.Compilation, Rules.DroppedTask, context.CancellationToken))
        {
            var droppedTask = new DroppedTaskAnalysis(types, AsyncPath.GetOrCreate(context.Compilation, context.Options));
            context.RegisterOperationAction(droppedTask.OnExpressionStatement, OperationKind.ExpressionStatement);
        }
    }

    // RDY105.
    private sealed class AsyncVoidAnalysis(INamedTypeSymbol? eventArgs)
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

    // RDY106.
    private sealed class DroppedTaskAnalysis(WellKnownTypes types, AsyncPath asyncPath)
    {
        private static readonly ImmutableDictionary<string, string?> s_discard =
            ImmutableDictionary<string, string?>.Empty.Add(DiscardProperty, "true");

        [MethodImpl(JitOptions.Optimized)]
        public void OnExpressionStatement(OperationAnalysisContext context)
        {
            var statement = (IExpressionStatementOperation)context.Operation;
            var isDiscard = false;
            var value = statement.Operation;
            if (value is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
            {
                isDiscard = true;
                value = discard.Value;
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }
            }

            if (value is not IInvocationOperation invocation)
            {
                return;
            }

            // _ = SendAsync().ConfigureAwait(false) drops SendAsync's task as surely as _ = SendAsync().
            var dropped = invocation;
            if (invocation.TargetMethod.Name == "ConfigureAwait"
                && invocation.Instance is IInvocationOperation configured
                && types.IsTaskLike(configured.TargetMethod.ReturnType))
            {
                dropped = configured;
            }

            var method = dropped.TargetMethod;
            var isQueued = method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem"
                && WellKnownTypes.Is(method.ContainingType, types.ThreadPool);
            if ((!isQueued && !types.IsTaskLike(method.ReturnType))
                || IsObservedByName(method.Name)
                || !asyncPath.IsOnAsyncPath(invocation, context.ContainingSymbol)
                || (!isDiscard && CompilerWarns(invocation, context.ContainingSymbol))
                || (IsFireAndForgetStarter(method, isQueued) && DelegateCatchesItsExceptions(dropped, context)))
            {
                return;
            }

            var name = method.IsStatic || method.IsExtensionMethod
                ? method.ContainingType.Name + "." + method.Name
                : method.Name;
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.DroppedTask, invocation.Syntax.GetLocation(), isDiscard ? s_discard : null, name));
        }

        // ContinueWith and the usual fire-and-forget helpers observe the task's failure.
        private static bool IsObservedByName(string name)
            => name == "ContinueWith"
               || name.StartsWith("Forget", StringComparison.Ordinal)
               || name.StartsWith("FireAndForget", StringComparison.Ordinal)
               || name.StartsWith("SafeFireAndForget", StringComparison.Ordinal)
               || name.StartsWith("Observe", StringComparison.Ordinal);

        private bool IsFireAndForgetStarter(IMethodSymbol method, bool isQueued)
            => isQueued
               || (method.Name == "Run" && WellKnownTypes.Is(method.ContainingType, types.Task))
               || (method.Name == "StartNew" && (WellKnownTypes.Is(method.ContainingType, types.TaskFactory)
                                                  || WellKnownTypes.Is(method.ContainingType, types.TaskFactoryOfT)));

        // CS4014 (Binder.CouldBeAwaited): an expression-statement call whose target is declared async,
        // or any awaitable call inside an async function or top-level statements, except in a lock
        // body or a catch filter where await is not allowed.
        private static bool CompilerWarns(IInvocationOperation invocation, ISymbol containingSymbol)
        {
            if (invocation.TargetMethod.IsAsync)
            {
                return true;
            }

            for (var current = invocation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILockOperation:
                        return false;
                    case ICatchClauseOperation catchClause when catchClause.Filter is { } filter && filter.Syntax.Span.Contains(invocation.Syntax.Span):
                        return false;
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol.IsAsync;
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol.IsAsync;
                }
            }

            return containingSymbol is IMethodSymbol { IsAsync: true }
                || containingSymbol is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName };
        }

        private static bool DelegateCatchesItsExceptions(IInvocationOperation invocation, OperationAnalysisContext context)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                if (value is IDelegateCreationOperation creation)
                {
                    value = creation.Target;
                }

                switch (value)
                {
                    case IAnonymousFunctionOperation lambda:
                        return FunctionCatchesAll(lambda.Syntax, lambda.SemanticModel, context, followCalls: true);
                    case IMethodReferenceOperation reference:
                        return MethodCatchesAll(reference.Method, context);
                }
            }

            return false;
        }

        // The function's whole body is one try with a catch-all, or (one level deep) a single call to
        // a source method whose body is.
        private static bool FunctionCatchesAll(SyntaxNode function, SemanticModel? model, OperationAnalysisContext context, bool followCalls)
        {
            var body = function switch
            {
                AnonymousFunctionExpressionSyntax lambda => (SyntaxNode?)lambda.Body,
                BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                _ => null,
            };

            if (body is BlockSyntax { Statements.Count: 1 } block)
            {
                if (block.Statements[0] is TryStatementSyntax tryStatement && HasCatchAll(tryStatement))
                {
                    return true;
                }

                body = block.Statements[0] switch
                {
                    ExpressionStatementSyntax expressionStatement => expressionStatement.Expression,
                    ReturnStatementSyntax { Expression: { } returned } => returned,
                    _ => null,
                };
            }

            if (!followCalls || model is null || body is not ExpressionSyntax expression)
            {
                return false;
            }

            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
            }

            return expression is InvocationExpressionSyntax call
                && model.GetSymbolInfo(call, context.CancellationToken).Symbol is IMethodSymbol callee
                && MethodCatchesAll(callee, context);
        }

        private static bool MethodCatchesAll(IMethodSymbol method, OperationAnalysisContext context)
        {
            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (FunctionCatchesAll(reference.GetSyntax(context.CancellationToken), model: null, context, followCalls: false))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasCatchAll(TryStatementSyntax tryStatement)
        {
            foreach (var catchClause in tryStatement.Catches)
            {
                if (catchClause.Filter is not null)
                {
                    continue;
                }

                var type = catchClause.Declaration?.Type;
                if (type is null
                    || (type is IdentifierNameSyntax { Identifier.ValueText: "Exception" })
                    || (type is QualifiedNameSyntax { Right.Identifier.ValueText: "Exception", Left: IdentifierNameSyntax { Identifier.ValueText: "System" } }))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
