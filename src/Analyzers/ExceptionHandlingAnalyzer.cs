using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY401 (swallowed exception) and RDY402 (catch-all inside an async loop that also swallows
/// cancellation), in one pass over every catch clause. Both can hold for the same clause; each is
/// reported, at the same place, because each has its own fix. RDY403 (the process killed from library
/// code) belongs to the same question of what happens when something fails; each rule's part is
/// registered only when the rule is on (see RuleSwitch).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionHandlingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.SwallowedException, Rules.CatchAllSwallowsCancellation, Rules.ProcessExit);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = WellKnownTypes.GetOrCreate(context.Compilation);
        var compilation = context.Compilation;
        if (types.Environment is not null && RuleSwitch.IsOn(compilation, Rules.ProcessExit, context.CancellationToken))
        {
            var exits = new ProcessExitAnalysis(types);
            context.RegisterOperationAction(exits.OnInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(exits.OnMethodReference, OperationKind.MethodReference);
        }

        if (types.Exception is null || types.OperationCanceledException is null
            || !RuleSwitch.IsOn(compilation, Rules.SwallowedException, Rules.CatchAllSwallowsCancellation, context.CancellationToken))
        {
            return; // nothing to catch, or both rules turned off: this compilation pays nothing more for RDY401/402
        }

        var analysis = new Analysis(types, AsyncPath.GetOrCreate(context.Compilation, context.Options));
        context.RegisterOperationAction(analysis.OnCatchClause, OperationKind.CatchClause);
    }

    // What a walk over a handler, filter, try block or loop header found.
    private struct Facts
    {
        // A throw statement or expression (not inside a nested function: that runs later, if at all).
        public bool Throws;

        // The caught exception variable is read (anywhere, lambdas included), other than to test whether
        // it is a cancellation.
        public bool UsesException;

        // A logging call (RULES.md: any call on a logger, or a method named Log*).
        public bool Logs;

        // Environment.Exit / FailFast: the failure ends the process, it is not swallowed.
        public bool ExitsProcess;

        // IsCancellationRequested, ThrowIfCancellationRequested, or a test for OperationCanceledException.
        public bool ObservesCancellation;

        // A CancellationToken value other than None/default flows here.
        public bool UsesToken;
    }

    // One instance per compilation; its methods are the callbacks, so nothing is allocated per node.
    private sealed class Analysis(WellKnownTypes types, AsyncPath asyncPath)
    {
        [MethodImpl(JitOptions.Optimized)]
        public void OnCatchClause(OperationAnalysisContext context)
        {
            var clause = (ICatchClauseOperation)context.Operation;
            if (clause.Syntax is not CatchClauseSyntax syntax
                || clause.Parent is not ITryOperation tryOperation
                || clause.ExceptionType is null or { TypeKind: TypeKind.Error })
            {
                return;
            }

            // catch (OperationCanceledException) / (TaskCanceledException): cancellation is not a failure.
            if (syntax.Declaration is not null && IsCancellationType(clause.ExceptionType))
            {
                return;
            }

            // catch (OperationCanceledException) { } catch (ObjectDisposedException) { }: shutting a feed down
            // cancels its token and disposes its socket, and whichever the receive loop meets first ends it.
            if (syntax.Declaration is not null && WellKnownTypes.Is(clause.ExceptionType, types.ObjectDisposedException) && HasCancellationClause(tryOperation))
            {
                return;
            }

            var exception = (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
            var filter = default(Facts);
            if (clause.Filter is { } filterOperation)
            {
                if (IsOnlyCancellation(filterOperation, exception))
                {
                    return; // catch (Exception ex) when (ex is OperationCanceledException)
                }

                Walk(filterOperation, exception, ref filter, nested: false);
            }

            // A catch-all is one that also catches OperationCanceledException. A filter that inspects the
            // exception (when (ex is HttpRequestException), when (IsTransient(ex))) narrows it.
            var catchesAll = (syntax.Declaration is null || CatchesCancellation(clause.ExceptionType)) && !filter.UsesException;

            var handler = default(Facts);
            Walk(clause.Handler, exception, ref handler, nested: false);

            if (IsSwallowed(syntax, clause.Handler, tryOperation, catchesAll, in filter, in handler))
            {
                ReportSwallowed(context, syntax);
            }

            if (catchesAll
                && !filter.ObservesCancellation
                && SwallowsCancellationInAsyncLoop(context, clause, tryOperation, in handler))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.CatchAllSwallowsCancellation, HeaderLocation(syntax), Header(syntax)));
            }
        }

        // RDY401.
        private bool IsSwallowed(CatchClauseSyntax syntax, IBlockOperation handlerBlock, ITryOperation tryOperation,
            bool catchesAll, in Facts filter, in Facts handler)
        {
            if (handler.Throws || handler.UsesException || handler.Logs || handler.ExitsProcess || filter.Logs)
            {
                return false;
            }

            // A specific exception type is an expected failure mode: the type says why. It is exempt when a
            // comment explains the choice or the handler computes a real fallback; an empty handler, a bare
            // "return false" or a flag set without a word of explanation is still silent.
            if (!catchesAll && (!IsTrivial(handlerBlock) || HasComment(syntax)))
            {
                return false;
            }

            return !IsCancellableWaitInRecheckingLoop(tryOperation);
        }

        // RDY402.
        private bool SwallowsCancellationInAsyncLoop(OperationAnalysisContext context, ICatchClauseOperation clause,
            ITryOperation tryOperation, in Facts handler)
        {
            if (handler.Throws || handler.ObservesCancellation || handler.ExitsProcess
                || PrecededByCancellationClause(clause, tryOperation)
                || EnclosingLoop(tryOperation) is null)
            {
                return false;
            }

            // Cancellation reaches the try only if a token flows into it.
            var body = default(Facts);
            Walk(tryOperation.Body, exception: null, ref body, nested: false);
            if (!body.UsesToken && !body.ObservesCancellation)
            {
                return false;
            }

            return asyncPath.IsOnAsyncPath(clause, context.ContainingSymbol)
                && !IsCancellableWaitInRecheckingLoop(tryOperation);
        }

        private static void ReportSwallowed(OperationAnalysisContext context, CatchClauseSyntax syntax)
        {
            // The fix looks for the logger in scope itself: that search is too costly for every analysis.
            context.ReportDiagnostic(Diagnostic.Create(Rules.SwallowedException, HeaderLocation(syntax), Header(syntax)));
        }

        private bool IsCancellationType(ITypeSymbol? type)
            => WellKnownTypes.IsOrDerivesFrom(type, types.OperationCanceledException);

        private bool HasCancellationClause(ITryOperation tryOperation)
        {
            foreach (var clause in tryOperation.Catches)
            {
                if (IsCancellationType(clause.ExceptionType))
                {
                    return true;
                }
            }

            return false;
        }

        // Exception, SystemException: an OperationCanceledException lands here.
        private bool CatchesCancellation(ITypeSymbol type)
            => type is INamedTypeSymbol named && WellKnownTypes.IsOrDerivesFrom(types.OperationCanceledException, named);

        // An earlier clause of the same try that catches OperationCanceledException (or TaskCanceledException)
        // already decides what cancellation does; one that catches everything means this clause never sees it.
        private bool PrecededByCancellationClause(ICatchClauseOperation clause, ITryOperation tryOperation)
        {
            foreach (var earlier in tryOperation.Catches)
            {
                if (earlier == clause)
                {
                    return false;
                }

                if (IsCancellationType(earlier.ExceptionType)
                    || (earlier.Filter is null && earlier.ExceptionType is { } type && CatchesCancellation(type)))
                {
                    return true;
                }
            }

            return false;
        }

        // when (ex is OperationCanceledException), possibly && something else.
        private bool IsOnlyCancellation(IOperation filter, ILocalSymbol? exception)
        {
            switch (filter)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return IsOnlyCancellation(and.LeftOperand, exception) || IsOnlyCancellation(and.RightOperand, exception);
                case IIsTypeOperation { IsNegated: false } isType when IsException(isType.ValueOperand, exception):
                    return IsCancellationType(isType.TypeOperand);
                case IIsPatternOperation isPattern when IsException(isPattern.Value, exception):
                    return IsCancellationPattern(isPattern.Pattern);
                default:
                    return false;
            }
        }

        private bool IsCancellationPattern(IPatternOperation pattern) => pattern switch
        {
            ITypePatternOperation type => IsCancellationType(type.MatchedType),
            IDeclarationPatternOperation declaration => !declaration.MatchesNull && IsCancellationType(declaration.MatchedType),
            IRecursivePatternOperation recursive => IsCancellationType(recursive.MatchedType),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or
                => IsCancellationPattern(or.LeftPattern) && IsCancellationPattern(or.RightPattern),
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and
                => IsCancellationPattern(and.LeftPattern) || IsCancellationPattern(and.RightPattern),
            _ => false,
        };

        private static bool IsException(IOperation value, ILocalSymbol? exception)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            return exception is not null && value is ILocalReferenceOperation local
                && SymbolEqualityComparer.Default.Equals(local.Local, exception);
        }

        private void Walk(IOperation operation, ILocalSymbol? exception, ref Facts facts, bool nested)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    nested = true; // a throw or await in there runs later, if at all
                    break;
                case IThrowOperation when !nested:
                    facts.Throws = true;
                    break;
                case ILocalReferenceOperation local when exception is not null
                                                        && SymbolEqualityComparer.Default.Equals(local.Local, exception):
                    facts.UsesException = true;
                    break;
                case IIsTypeOperation isType when IsException(isType.ValueOperand, exception) && IsCancellationType(isType.TypeOperand):
                    facts.ObservesCancellation = true;
                    return; // a cancellation test does not "use" the exception
                case IIsPatternOperation isPattern when IsException(isPattern.Value, exception) && IsCancellationTest(isPattern.Pattern):
                    facts.ObservesCancellation = true;
                    return;
                case IInvocationOperation invocation:
                    OnInvocation(invocation, ref facts);
                    break;
                case IPropertyReferenceOperation { Property.Name: "IsCancellationRequested" }:
                    facts.ObservesCancellation = true;
                    break;
                case IInvalidOperation { Syntax: InvocationExpressionSyntax call } when !facts.Logs && LooksLikeLogging(call):
                    facts.Logs = true; // unresolved (broken or half-typed) code: judge the call by its names
                    break;
            }

            if (!facts.UsesToken && IsToken(operation))
            {
                facts.UsesToken = true;
            }

            foreach (var child in operation.ChildOperations)
            {
                Walk(child, exception, ref facts, nested);
            }
        }

        private bool IsCancellationTest(IPatternOperation pattern)
            => pattern is INegatedPatternOperation negated ? IsCancellationPattern(negated.Pattern) : IsCancellationPattern(pattern);

        private void OnInvocation(IInvocationOperation invocation, ref Facts facts)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "ThrowIfCancellationRequested")
            {
                facts.ObservesCancellation = true;
            }
            else if (method.Name is "Exit" or "FailFast" && WellKnownTypes.Is(method.ContainingType, types.Environment))
            {
                facts.ExitsProcess = true;
            }

            if (!facts.Logs && Loggers.IsLoggingCall(invocation, types))
            {
                facts.Logs = true;
            }
        }

        // A reference to a token that can be cancelled: a parameter, local, field or property of type
        // CancellationToken, except CancellationToken.None.
        private bool IsToken(IOperation operation)
            => operation is IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation
                   or IPropertyReferenceOperation
               && operation is not IPropertyReferenceOperation { Property.Name: "None" }
               && WellKnownTypes.Is(operation.Type, types.CancellationToken);

        private bool PassesToken(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }

                if (argument.ArgumentKind != ArgumentKind.DefaultValue && IsToken(value))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation StripConfigureAwait(IOperation operation)
            => operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaited } ? awaited : operation;

        // RULES.md, RDY401 and RDY402 "must not flag": a try that holds only a cancellable wait
        // (await Task.Delay(d, ct), await x.WaitAsync(d, ct)) inside a loop that re-checks the token.
        // The only exception there is the cancellation, and the loop stops on it.
        private bool IsCancellableWaitInRecheckingLoop(ITryOperation tryOperation)
            => HoldsOnlyACancellableWait(tryOperation.Body)
               && EnclosingLoop(tryOperation) is { } loop
               && RechecksToken(loop);

        // One awaited wait with a token; logging statements around it do not throw in any way that matters,
        // and an "if (!ct.IsCancellationRequested) { … }" guard around the whole is the same wait.
        private bool HoldsOnlyACancellableWait(IBlockOperation body)
        {
            var waits = 0;
            foreach (var statement in body.Operations)
            {
                if (IsCancellableWait(statement))
                {
                    waits++;
                }
                else if (statement is IConditionalOperation { WhenFalse: null, WhenTrue: IBlockOperation guarded } guard
                         && body.Operations.Length == 1
                         && ObservesCancellation(guard.Condition)
                         && HoldsOnlyACancellableWait(guarded))
                {
                    waits++;
                }
                else if (!IsLoggingStatement(statement))
                {
                    return false;
                }
            }

            return waits == 1;
        }

        private bool IsCancellableWait(IOperation statement)
            => statement is IExpressionStatementOperation { Operation: IAwaitOperation awaited }
               && StripConfigureAwait(awaited.Operation) is IInvocationOperation wait
               && IsWait(wait.TargetMethod)
               && PassesToken(wait);

        // _logger.LogTrace(…); _logger?.LogTrace(…); or if (verbose) _logger.LogTrace(…);
        private bool IsLoggingStatement(IOperation statement) => statement switch
        {
            IExpressionStatementOperation { Operation: IInvocationOperation call } => Loggers.IsLoggingCall(call, types),
            IExpressionStatementOperation { Operation: IConditionalAccessOperation { WhenNotNull: IInvocationOperation call } }
                => Loggers.IsLoggingCall(call, types),
            IConditionalOperation { WhenFalse: null, WhenTrue: var whenTrue } => IsLoggingStatement(whenTrue),
            IBlockOperation { Operations.Length: 1 } block => IsLoggingStatement(block.Operations[0]),
            _ => false,
        };

        private bool ObservesCancellation(IOperation condition)
        {
            var facts = default(Facts);
            Walk(condition, exception: null, ref facts, nested: false);
            return facts.ObservesCancellation;
        }

        // Task.Delay and the waits of SemaphoreSlim, PeriodicTimer, channels and async events; a helper
        // named Delay/DelayAsync that takes the token is the same thing.
        private static bool IsWait(IMethodSymbol method) => method.Name switch
        {
            "Delay" or "DelayAsync" or "WaitAsync" or "WaitForNextTickAsync" or "WaitToReadAsync" or "WaitToWriteAsync" => true,
            _ => false,
        };

        // while (!ct.IsCancellationRequested), while (await timer.WaitForNextTickAsync(ct)),
        // await foreach (… in reader.ReadAllAsync(ct)), or a first-level
        // if (ct.IsCancellationRequested) break; / ct.ThrowIfCancellationRequested(); in the body.
        private bool RechecksToken(ILoopOperation loop)
        {
            var header = loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                IForEachLoopOperation forEach => forEach.Collection,
                _ => null,
            };

            if (header is not null)
            {
                var facts = default(Facts);
                Walk(header, exception: null, ref facts, nested: false);
                if (facts.ObservesCancellation || facts.UsesToken)
                {
                    return true;
                }
            }

            if (loop.Body is not IBlockOperation body)
            {
                return false;
            }

            foreach (var statement in body.Operations)
            {
                var check = statement switch
                {
                    IConditionalOperation conditional => conditional.Condition,
                    IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "ThrowIfCancellationRequested" } } throwIf => throwIf,
                    _ => null,
                };
                if (check is null)
                {
                    continue;
                }

                var facts = default(Facts);
                Walk(check, exception: null, ref facts, nested: false);
                if (facts.ObservesCancellation)
                {
                    return true;
                }
            }

            return false;
        }

        // The innermost loop around the try, in the same function.
        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation loop:
                        return loop;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        // Only returns, jumps and assignments of constants, defaults or plain references: return false;
        // return null; _healthy = false; _failures++. A call, an await or a computed value is a fallback.
        private static bool IsTrivial(IOperation statement)
        {
            switch (statement)
            {
                case IBlockOperation block:
                    foreach (var inner in block.Operations)
                    {
                        if (!IsTrivial(inner))
                        {
                            return false;
                        }
                    }

                    return true;
                case IReturnOperation returned:
                    return returned.ReturnedValue is null || IsTrivialValue(returned.ReturnedValue);
                case IBranchOperation or IEmptyOperation:
                    return true;
                case IExpressionStatementOperation { Operation: var expression }:
                    return expression switch
                    {
                        ISimpleAssignmentOperation assignment => IsTrivialValue(assignment.Value),
                        ICompoundAssignmentOperation compound => IsTrivialValue(compound.Value),
                        IIncrementOrDecrementOperation => true,
                        _ => false,
                    };
                default:
                    return false;
            }
        }

        private static bool IsTrivialValue(IOperation value)
        {
            value = Conversions.Strip(value);
            return value.ConstantValue.HasValue
                || value is IDefaultValueOperation or ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation
                || value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }
                || value is IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true }
                || value is IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: null };
        }

        // log.Error(...), _logger.LogWarning(...), LogFailure(...) by name alone.
        private static bool LooksLikeLogging(InvocationExpressionSyntax call)
        {
            switch (call.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    return Loggers.IsLogMethodName(access.Name.Identifier.ValueText)
                        || (access.Expression is SimpleNameSyntax receiver && Loggers.IsLoggerName(receiver.Identifier.ValueText))
                        || (access.Expression is MemberAccessExpressionSyntax { Name: var member } && Loggers.IsLoggerName(member.Identifier.ValueText));
                case SimpleNameSyntax name:
                    return Loggers.IsLogMethodName(name.Identifier.ValueText);
                default:
                    return false;
            }
        }

        private static bool HasComment(CatchClauseSyntax syntax)
        {
            foreach (var trivia in syntax.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    return true;
                }
            }

            return false;
        }

        // catch, catch (Exception), catch (Exception ex): the header without the filter and the block.
        private static Location HeaderLocation(CatchClauseSyntax syntax)
            => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(
                syntax.CatchKeyword.SpanStart,
                syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End));

        private static string Header(CatchClauseSyntax syntax)
            => syntax.Declaration is { } declaration ? "catch " + declaration.ToString() : "catch";
    }

    // RDY403: Environment.Exit / Environment.FailFast outside the entry point.
    private sealed class ProcessExitAnalysis(WellKnownTypes types)
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
