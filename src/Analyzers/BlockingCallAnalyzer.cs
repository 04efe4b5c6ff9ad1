using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY101 (Thread.Sleep), RDY102 (sync-over-async), RDY103 (blocking synchronization and locks held
/// across blocking work), RDY104 (synchronous I/O) and RDY108 (other locks) on async and hot paths.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Diagnostic property: whether the fix passes a CancellationToken (<see cref="TokenIfInScope"/>,
    /// <see cref="TokenRequired"/>). The fix looks the token up itself: a scope search costs a
    /// millisecond, too much to pay at every analysis for a lightbulb that may never open.
    /// </summary>
    public const string TokenProperty = "Token";

    /// <summary>Pass the one CancellationToken in scope, if there is exactly one; without it the fix still applies.</summary>
    public const string TokenIfInScope = "IfInScope";

    /// <summary>The fix exists only with the one CancellationToken in scope: the awaitable twin requires a token.</summary>
    public const string TokenRequired = "Required";

    /// <summary>Diagnostic property: which rewrite the code fix may apply.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Diagnostic property: the name of the awaitable method the fix calls (RDY103, RDY104).</summary>
    public const string TwinProperty = "Twin";

    public const string FixTaskDelay = "TaskDelay";
    public const string FixAwait = "Await";
    public const string FixWhenAll = "WhenAll";
    public const string FixWhenAny = "WhenAny";
    public const string FixAwaitTwin = "AwaitTwin";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.ThreadSleepOnAsyncPath, Rules.SyncOverAsync, Rules.BlockingSynchronization, Rules.SynchronousIO, Rules.LockOnAsyncPath);

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
            return; // no tasks, no async paths: this compilation pays nothing more for the family
        }

        var analysis = new Analysis(types, AsyncPath.GetOrCreate(context.Compilation, context.Options), BlockingCalls.GetOrCreate(context.Compilation));
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnPropertyReference, OperationKind.PropertyReference);
        context.RegisterOperationAction(analysis.OnLock, OperationKind.Lock);
    }

    // One instance per compilation; its methods are the callbacks, so nothing is allocated per node.
    private sealed class Analysis(WellKnownTypes types, AsyncPath asyncPath, BlockingCalls blocking)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Location, bool> _reportedQueuedSleeps = new();

        private readonly LockRegions _regions = new(types, asyncPath, blocking);

        private static readonly ImmutableDictionary<string, string?> s_fixTaskDelay =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixTaskDelay).Add(TokenProperty, TokenIfInScope);
        private static readonly ImmutableDictionary<string, string?> s_fixAwait =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixAwait);
        private static readonly ImmutableDictionary<string, string?> s_fixWhenAll =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixWhenAll);
        private static readonly ImmutableDictionary<string, string?> s_fixWhenAny =
            ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixWhenAny);

        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;

            if (method.Name is "Run" or "StartNew" or "QueueUserWorkItem" or "UnsafeQueueUserWorkItem"
                && asyncPath.QueuesToThreadPool(invocation))
            {
                OnQueuedMethodGroups(context, invocation);
            }
            else if (_regions.IsLockAcquisition(method))
            {
                if (_regions.OfEnter(invocation, context.ContainingSymbol, context.CancellationToken) is { } region)
                {
                    ReportLockRegion(context, region);
                }
            }
            else if (blocking.IsSleep(invocation))
            {
                ReportSleep(context, invocation, method.ContainingType.Name + "." + method.Name);
            }
            else if (blocking.IsSyncOverAsync(invocation))
            {
                OnSyncOverAsync(context, invocation, method);
            }
            else if (blocking.IsBlockingSynchronization(invocation))
            {
                if (IsOnAsyncPath(invocation, context))
                {
                    ReportBlockingSynchronization(context, invocation, method);
                }
            }
            else if (blocking.MayDoSyncIO(method, Options(invocation))
                     && IsOnAsyncPath(invocation, context)
                     && blocking.IsSyncIO(invocation, Options(invocation), out var twins)
                     && !IsInsideItsOwnTwin(method, context.ContainingSymbol))
            {
                ReportSynchronousIO(context, invocation, method, twins);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnPropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Property.Name != "Result"
                || !blocking.IsTaskResult(reference)
                || IsInNameOf(reference)
                || !IsOnAsyncPath(reference, context)
                || IsKnownComplete(reference.Instance!, reference, context.CancellationToken))
            {
                return;
            }

            ReportSyncOverAsync(context, reference, ".Result", s_fixAwait);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnLock(OperationAnalysisContext context)
        {
            if (_regions.OfLock((ILockOperation)context.Operation, context.ContainingSymbol, context.CancellationToken) is { } region)
            {
                ReportLockRegion(context, region);
            }
        }

        private void OnSyncOverAsync(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
        {
            if (!IsOnAsyncPath(invocation, context))
            {
                return;
            }

            switch (method.Name)
            {
                case "Wait" when invocation.Instance is { } waited && !IsKnownComplete(waited, invocation, context.CancellationToken):
                    // Only the plain Wait() has an awaitable equivalent with the same meaning.
                    ReportSyncOverAsync(context, invocation, ".Wait()", method.Parameters.IsEmpty ? s_fixAwait : null);
                    break;
                case "WaitAll":
                case "WaitAny":
                    ReportSyncOverAsync(context, invocation, "Task." + method.Name, WhenAllFix(invocation, method));
                    break;
                case "GetResult" when invocation.Instance is IInvocationOperation { Instance: { } awaited }
                                      && !IsKnownComplete(StripConfigureAwait(awaited), invocation, context.CancellationToken):
                    ReportSyncOverAsync(context, invocation, ".GetAwaiter().GetResult()", s_fixAwait);
                    break;
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private bool IsOnAsyncPath(IOperation operation, OperationAnalysisContext context)
            => asyncPath.IsOnAsyncPath(operation, context.ContainingSymbol);

        // Task.Run(Poll) / Task.Run(new Action(Poll)): Poll's own sleeps run on a pool thread. Followed
        // only to a synchronous method declared in the same file (its body is in this semantic model);
        // each sleep is reported once however often its method is queued.
        private void OnQueuedMethodGroups(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IDelegateCreationOperation creation)
                {
                    value = creation.Target;
                }

                // Async and hot-path methods report their sleeps themselves.
                if (value is not IMethodReferenceOperation { Method: { } queued }
                    || asyncPath.IsAsyncFunction(queued)
                    || asyncPath.HotPath.IsHotPath(queued, invocation.Syntax.SyntaxTree)
                    || invocation.SemanticModel is not { } model)
                {
                    continue;
                }

                foreach (var reference in queued.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != invocation.Syntax.SyntaxTree
                        || model.GetOperation(reference.GetSyntax(context.CancellationToken), context.CancellationToken) is not { } body)
                    {
                        continue;
                    }

                    foreach (var sleep in FindSleeps(body))
                    {
                        if (_reportedQueuedSleeps.TryAdd(sleep.Syntax.GetLocation(), true))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                Rules.ThreadSleepOnAsyncPath, sleep.Syntax.GetLocation(),
                                sleep.TargetMethod.ContainingType.Name + "." + sleep.TargetMethod.Name, Describe(AsyncPathKind.ThreadPool)));
                        }
                    }
                }
            }
        }

        private System.Collections.Generic.List<IInvocationOperation> FindSleeps(IOperation body)
        {
            var found = new System.Collections.Generic.List<IInvocationOperation>();
            var stack = new System.Collections.Generic.Stack<IOperation>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                if (operation is IInvocationOperation call && blocking.IsSleep(call))
                {
                    found.Add(call);
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            return found;
        }

        private void ReportSyncOverAsync(OperationAnalysisContext context, IOperation operation, string api,
            ImmutableDictionary<string, string?>? properties)
        {
            var kind = asyncPath.Classify(operation, context.ContainingSymbol, includeThreadPool: false);
            context.ReportDiagnostic(Diagnostic.Create(Rules.SyncOverAsync, operation.Syntax.GetLocation(), properties, api, Describe(kind)));
        }

        private ReadinessOptions Options(IOperation operation) => asyncPath.HotPath.Options.Get(operation.Syntax.SyntaxTree);

        private static bool IsKnownComplete(IOperation task, IOperation use, System.Threading.CancellationToken cancellationToken)
            => TaskCompletion.IsKnownComplete(task, use, cancellationToken);

        private static IOperation StripConfigureAwait(IOperation awaited) => TaskCompletion.StripConfigureAwait(awaited);

        private void ReportSleep(OperationAnalysisContext context, IInvocationOperation invocation, string api)
        {
            var kind = asyncPath.Classify(invocation, context.ContainingSymbol, includeThreadPool: true);
            if (kind == AsyncPathKind.None)
            {
                return;
            }

            var properties = invocation.TargetMethod.Name == "Sleep" ? s_fixTaskDelay : null;
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.ThreadSleepOnAsyncPath, invocation.Syntax.GetLocation(), properties, api, Describe(kind)));
        }

        private void ReportBlockingSynchronization(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
        {
            ImmutableDictionary<string, string?>? properties = null;
            if (method.Name == "Wait" && WellKnownTypes.Is(method.ContainingType, types.SemaphoreSlim))
            {
                properties = ImmutableDictionary<string, string?>.Empty
                    .Add(FixProperty, FixAwaitTwin)
                    .Add(TwinProperty, "WaitAsync");
                if (!HasCancellationTokenArgument(invocation))
                {
                    properties = properties.Add(TokenProperty, TokenIfInScope);
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Rules.BlockingSynchronization, invocation.Syntax.GetLocation(), properties,
                method.ContainingType.Name + "." + method.Name,
                "parks this thread on an async path until it is signalled; await a signal instead (SemaphoreSlim.WaitAsync, TaskCompletionSource, Channel<T>)"));
        }

        private void ReportSynchronousIO(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method, BlockingCalls.AsyncTwins twins)
        {
            // Without a token the fix calls the twin with the same parameters (or the token twin whose
            // token is optional); with the one token in scope, which only the fix looks up, the token twin.
            var withToken = twins.WithCancellation;
            var plain = twins.SameParameters ?? (withToken is not null && withToken.Parameters[withToken.Parameters.Length - 1].IsOptional ? withToken : null);
            if (plain is not null && !ReturnsTheSameValue(method, plain))
            {
                plain = null;
            }

            var tokenTwin = withToken is not null && ReturnsTheSameValue(method, withToken) ? withToken : null;

            ImmutableDictionary<string, string?>? properties = null;
            if ((plain ?? tokenTwin) is { } twin)
            {
                properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixAwaitTwin).Add(TwinProperty, twin.Name);
                if (tokenTwin is not null)
                {
                    properties = properties.Add(TokenProperty, plain is null ? TokenRequired : TokenIfInScope);
                }
            }

            var display = method.ContainingType.Name + "." + method.Name;
            var named = twins.SameParameters ?? withToken;
            var alternative = named is not null ? method.ContainingType.Name + "." + named.Name
                : twins.AnyExists ? method.ContainingType.Name + "." + method.Name + "Async"
                : "an asynchronous alternative";
            context.ReportDiagnostic(Diagnostic.Create(Rules.SynchronousIO, invocation.Syntax.GetLocation(), properties, display, alternative));
        }

        // `await twin(...)` must have the type the synchronous call had.
        private bool ReturnsTheSameValue(IMethodSymbol method, IMethodSymbol twin)
        {
            var awaited = twin.ReturnType as INamedTypeSymbol;
            if (method.ReturnsVoid)
            {
                return WellKnownTypes.Is(awaited, types.Task) || WellKnownTypes.Is(awaited, types.ValueTask);
            }

            return (WellKnownTypes.Is(awaited, types.TaskOfT) || WellKnownTypes.Is(awaited, types.ValueTaskOfT))
                && awaited!.TypeArguments.Length == 1
                && SymbolEqualityComparer.Default.Equals(awaited.TypeArguments[0], method.ReturnType);
        }

        private bool HasCancellationTokenArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (WellKnownTypes.Is(argument.Parameter?.Type, types.CancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        // A call inside the very NameAsync it would be told to await: the sync version is that
        // method's implementation, not a mistake (and the fix would recurse).
        private static bool IsInsideItsOwnTwin(IMethodSymbol method, ISymbol containingSymbol)
            => containingSymbol is IMethodSymbol container
               && container.Name.Length == method.Name.Length + "Async".Length
               && container.Name.StartsWith(method.Name, System.StringComparison.Ordinal)
               && container.Name.EndsWith("Async", System.StringComparison.Ordinal)
               && (WellKnownTypes.IsOrDerivesFrom(container.ContainingType, method.ContainingType)
                   || WellKnownTypes.IsOrDerivesFrom(method.ContainingType, container.ContainingType));

        // A lock whose body calls source methods but blocks in none of its own lines is decided by
        // BlockingChainAnalyzer at compilation end, when the callees' bodies are known (RULES.md, RDY103).
        private static void ReportLockRegion(OperationAnalysisContext context, LockRegion region)
        {
            if (region.BlockingCall is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.BlockingSynchronization, region.Location, region.Name,
                    $"holds the lock across '{region.BlockingCall}' on {Describe(region.Kind)}: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>"));
            }
            else if (!region.DependsOnCallees)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.LockOnAsyncPath, region.Location, region.Name, Describe(region.Kind)));
            }
        }

        private static string Describe(AsyncPathKind kind) => kind switch
        {
            AsyncPathKind.Async => "an async path",
            AsyncPathKind.HotPath => "a hot path",
            _ => "a thread-pool thread",
        };

        // WaitAll/WaitAny over a task list and nothing else map onto WhenAll/WhenAny; the overloads
        // with a timeout or a token return or behave differently and get no fix. WaitAny's int result
        // has no awaitable equivalent, so only a discarded WaitAny is rewritten.
        private static ImmutableDictionary<string, string?>? WhenAllFix(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.Parameters.Length != 1)
            {
                return null;
            }

            if (method.Name == "WaitAll")
            {
                return s_fixWhenAll;
            }

            return invocation.Parent is IExpressionStatementOperation ? s_fixWhenAny : null;
        }

        private static bool IsInNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
