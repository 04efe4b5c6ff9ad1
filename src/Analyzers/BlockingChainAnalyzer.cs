using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY107: a call on an async path to a synchronous source method that blocks, directly or through its
/// own synchronous callees. Each method body is summarised once (its first direct blocking call and its
/// direct calls to source methods) while the compilation is analysed; the chains are resolved when the
/// whole call graph is known, with a depth-bounded shortest-path search memoised per method, so the cost
/// is linear in the size of the code and recursion cannot loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingChainAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.BlockingCallChain, CompilationEndRules.BlockingSynchronization, CompilationEndRules.LockOnAsyncPath);

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
            return;
        }

        var asyncPath = AsyncPath.GetOrCreate(context.Compilation, context.Options);
        var blocking = BlockingCalls.GetOrCreate(context.Compilation);
        var graph = new CallGraph(asyncPath, blocking, new LockRegions(types, asyncPath, blocking));
        context.RegisterOperationBlockAction(graph.OnOperationBlock);
        context.RegisterCompilationEndAction(graph.OnCompilationEnd);
    }

    /// <summary>The first blocking call in a method body: what it is and where.</summary>
    private sealed class BlockingSite(string api, Location location)
    {
        public string Api { get; } = api;

        public Location Location { get; } = location;
    }

    private sealed class MethodSummary(IMethodSymbol method, BlockingSite? direct, ImmutableArray<IMethodSymbol> callees)
    {
        /// <summary>The name a chain shows; computed only for the methods of a reported chain.</summary>
        public string Name => DisplayName(method);

        public BlockingSite? Direct { get; } = direct;

        public ImmutableArray<IMethodSymbol> Callees { get; } = callees;
    }

    private sealed class CallSite(IMethodSymbol callee, IOperation operation, AsyncPathKind kind, int maxDepth)
    {
        public IMethodSymbol Callee { get; } = callee;

        public IOperation Operation { get; } = operation;

        public AsyncPathKind Kind { get; } = kind;

        public int MaxDepth { get; } = maxDepth;
    }

    private sealed class LockSite(LockRegion region, int maxDepth)
    {
        public LockRegion Region { get; } = region;

        public int MaxDepth { get; } = maxDepth;
    }

    private sealed class SummaryBuilder(IMethodSymbol method)
    {
        // Most bodies call no source method: the list is created by the first callee.
        private List<IMethodSymbol>? _callees;
        private BlockingSite? _direct;
        private int _directPosition = int.MaxValue;

        public IMethodSymbol Method { get; } = method;

        public void AddDirect(string api, IOperation operation)
        {
            // The first blocking call in source order names the chain.
            if (operation.Syntax.SpanStart < _directPosition)
            {
                _directPosition = operation.Syntax.SpanStart;
                _direct = new BlockingSite(api, operation.Syntax.GetLocation());
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void AddCallee(IMethodSymbol callee)
        {
            _callees ??= new List<IMethodSymbol>();
            foreach (var known in _callees)
            {
                if (SymbolEqualityComparer.Default.Equals(known, callee))
                {
                    return;
                }
            }

            _callees.Add(callee);
        }

        public MethodSummary Build()
            => new(Method, _direct, _callees is null ? ImmutableArray<IMethodSymbol>.Empty : _callees.ToImmutableArray());
    }

    private sealed class CallGraph(AsyncPath asyncPath, BlockingCalls blocking, LockRegions regions)
    {
        private const int Unreachable = int.MaxValue;

        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<CallSite> _sites = new();
        private readonly ConcurrentQueue<LockSite> _locks = new();

        [MethodImpl(JitOptions.Optimized)]
        public void OnOperationBlock(OperationBlockAnalysisContext context)
        {
            var owner = context.OwningSymbol is IMethodSymbol method ? SourceCallees.Normalise(method) : null;
            var builder = owner is null ? null : new SummaryBuilder(owner);
            foreach (var block in context.OperationBlocks)
            {
                var tree = block.Syntax.SyntaxTree;
                Scan(block, builder, asyncPath.ClassifyMember(context.OwningSymbol, tree), asyncPath.HotPath.Options.Get(tree), context.OwningSymbol, context.CancellationToken);
            }

            if (builder is not null)
            {
                _summaries.TryAdd(builder.Method, builder.Build());
            }
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            var memo = new Dictionary<IMethodSymbol, Memo>(SymbolEqualityComparer.Default);
            foreach (var site in _sites)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var distance = Distance(site.Callee, site.MaxDepth - 1, memo);
                if (distance == Unreachable)
                {
                    continue;
                }

                var chain = DescribeChain(site.Callee, distance, memo, site.Operation.Syntax.SyntaxTree);
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.BlockingCallChain, site.Operation.Syntax.GetLocation(),
                    _summaries[site.Callee].Name + "()", chain, Describe(site.Kind)));
            }

            foreach (var site in _locks)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.ReportDiagnostic(DecideLock(site, memo));
            }
        }

        // RDY103 when the lock body calls a method that blocks within the depth budget (the first such
        // call in source order names the chain), RDY108 otherwise: exactly one of the two per lock.
        private Diagnostic DecideLock(LockSite site, Dictionary<IMethodSymbol, Memo> memo)
        {
            var region = site.Region;
            foreach (var callee in region.Callees)
            {
                var distance = Distance(callee, site.MaxDepth - 1, memo);
                if (distance == Unreachable)
                {
                    continue;
                }

                // A lock region's location is always in a syntax tree: a lock header or an Enter call.
                var chain = DescribeChain(callee, distance, memo, region.Location.SourceTree!);
                return Diagnostic.Create(CompilationEndRules.BlockingSynchronization, region.Location, region.Name,
                    $"holds the lock across '{_summaries[callee].Name}()', which blocks: {chain}, on {Describe(region.Kind)}: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>");
            }

            return Diagnostic.Create(CompilationEndRules.LockOnAsyncPath, region.Location, region.Name, Describe(region.Kind));
        }

        // Walks one body: blocking calls and callees go to the body's summary; calls to source methods
        // on an async path become candidate sites. Local functions get their own summary; lambdas
        // belong to no summary (a lambda the method does not invoke does not block it). A lambda or local
        // function is judged by its own signature and walked by a nested call with its own kind, so no
        // call walks back up its parents. Every operation of every body passes through here: the switch
        // is on OperationKind (no interface type tests), and the stack holds operations only.
        [MethodImpl(JitOptions.Optimized)]
        private void Scan(IOperation root, SummaryBuilder? builder, AsyncPathKind kind, ReadinessOptions options, ISymbol owner, System.Threading.CancellationToken cancellationToken)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = stack.Pop();
                switch (operation.Kind)
                {
                    case OperationKind.LocalFunction:
                        var localFunction = (ILocalFunctionOperation)operation;
                        var local = new SummaryBuilder(localFunction.Symbol);
                        if (localFunction.Body is { } body)
                        {
                            Scan(body, local, asyncPath.ClassifyNested(localFunction.Symbol, body.Syntax.SyntaxTree), options, owner, cancellationToken);
                        }

                        _summaries.TryAdd(localFunction.Symbol, local.Build());
                        continue;
                    case OperationKind.AnonymousFunction:
                        var lambda = (IAnonymousFunctionOperation)operation;
                        Scan(lambda.Body, null, asyncPath.ClassifyNested(lambda.Symbol, lambda.Syntax.SyntaxTree), options, owner, cancellationToken);
                        continue;
                    case OperationKind.Lock when kind != AsyncPathKind.None:
                        AddLock(regions.OfLock((ILockOperation)operation, owner, cancellationToken), options);
                        break;
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)operation;
                        if (kind != AsyncPathKind.None && regions.IsLockAcquisition(invocation.TargetMethod))
                        {
                            AddLock(regions.OfEnter(invocation, owner, cancellationToken), options);
                        }

                        OnCall(invocation, invocation.TargetMethod, builder, kind, options);
                        break;
                    case OperationKind.ObjectCreation:
                        if (((IObjectCreationOperation)operation).Constructor is { } constructor)
                        {
                            OnCall(operation, constructor, builder, kind, options);
                        }

                        break;
                    case OperationKind.PropertyReference:
                        OnPropertyReference((IPropertyReferenceOperation)operation, builder, kind, options, cancellationToken);
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private void OnPropertyReference(IPropertyReferenceOperation reference, SummaryBuilder? builder, AsyncPathKind kind, ReadinessOptions options, System.Threading.CancellationToken cancellationToken)
        {
            if (builder is not null && blocking.IsTaskResult(reference) && !TaskCompletion.IsKnownComplete(reference.Instance!, reference, cancellationToken))
            {
                builder.AddDirect(".Result", reference);
            }

            var accessor = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
                ? reference.Property.SetMethod
                : reference.Property.GetMethod;
            if (accessor is not null)
            {
                OnCall(reference, accessor, builder, kind, options);
            }
        }

        // BlockingCallAnalyzer decides every lock it can from the lock's own body; the rest wait for the
        // call graph (LockRegion.DependsOnCallees).
        private void AddLock(LockRegion? region, ReadinessOptions options)
        {
            if (region is { DependsOnCallees: true })
            {
                _locks.Enqueue(new LockSite(region, options.MaxCallDepth));
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        private void OnCall(IOperation call, IMethodSymbol target, SummaryBuilder? builder, AsyncPathKind path, ReadinessOptions options)
        {
            if (call is IInvocationOperation invocation)
            {
                var kind = blocking.Classify(invocation, options, out var api);
                if (kind != BlockingKind.None)
                {
                    if (!IsCompletedTaskWait(invocation, kind))
                    {
                        builder?.AddDirect(api, invocation);
                    }

                    return; // RDY101-RDY104 report this call themselves
                }
            }

            if (SourceCallees.Candidate(target, asyncPath) is not { } callee)
            {
                return;
            }

            builder?.AddCallee(callee);
            if (path != AsyncPathKind.None)
            {
                _sites.Enqueue(new CallSite(callee, call, path, options.MaxCallDepth));
            }
        }

        private static bool IsCompletedTaskWait(IInvocationOperation invocation, BlockingKind kind)
        {
            if (kind != BlockingKind.SyncOverAsync || invocation.Instance is not { } instance)
            {
                return false;
            }

            var task = invocation.TargetMethod.Name == "GetResult" && instance is IInvocationOperation { Instance: { } awaited }
                ? TaskCompletion.StripConfigureAwait(awaited)
                : instance;
            return TaskCompletion.IsKnownComplete(task, invocation, default);
        }

        // The shortest number of calls from `method` to a direct blocking call, if it is at most
        // `budget`. The budget strictly decreases along a path, so cycles terminate; each method is
        // evaluated for at most max_call_depth distinct budgets.
        private int Distance(IMethodSymbol method, int budget, Dictionary<IMethodSymbol, Memo> memo)
        {
            if (budget < 0 || !_summaries.TryGetValue(method, out var summary))
            {
                return Unreachable;
            }

            if (!memo.TryGetValue(method, out var known))
            {
                known = Memo.Unknown;
            }

            if (known.Distance >= 0)
            {
                return known.Distance <= budget ? known.Distance : Unreachable;
            }

            if (known.UnreachableWithin >= budget)
            {
                return Unreachable;
            }

            var best = Unreachable;
            if (summary.Direct is not null)
            {
                best = 0;
            }
            else if (budget > 0)
            {
                foreach (var callee in summary.Callees)
                {
                    var distance = Distance(callee, budget - 1, memo);
                    if (distance != Unreachable && distance + 1 < best)
                    {
                        best = distance + 1;
                    }
                }
            }

            memo[method] = best != Unreachable
                ? new Memo(best, known.UnreachableWithin)
                : new Memo(-1, budget);
            return best;
        }

        private string DescribeChain(IMethodSymbol start, int distance, Dictionary<IMethodSymbol, Memo> memo, SyntaxTree siteTree)
        {
            var text = new StringBuilder();
            var method = start;
            for (var remaining = distance; ; remaining--)
            {
                var summary = _summaries[method];
                text.Append(summary.Name).Append(" → ");
                if (remaining == 0 || summary.Direct is not null)
                {
                    var site = summary.Direct!;
                    var line = site.Location.GetLineSpan();
                    text.Append(site.Api).Append(" (");
                    if (site.Location.SourceTree != siteTree)
                    {
                        text.Append(System.IO.Path.GetFileName(line.Path)).Append(", ");
                    }

                    text.Append("line ").Append(line.StartLinePosition.Line + 1).Append(')');
                    return text.ToString();
                }

                var next = method;
                foreach (var callee in summary.Callees)
                {
                    if (Distance(callee, remaining - 1, memo) == remaining - 1)
                    {
                        next = callee;
                        break;
                    }
                }

                if (SymbolEqualityComparer.Default.Equals(next, method))
                {
                    return text.Append('…').ToString(); // unreachable by construction; never loop
                }

                method = next;
            }
        }

        private static string Describe(AsyncPathKind kind) => kind == AsyncPathKind.HotPath ? "a hot path" : "an async path";
    }

    private readonly struct Memo(int distance, int unreachableWithin)
    {
        public static readonly Memo Unknown = new(-1, -1);

        /// <summary>The shortest distance, once found; -1 while unknown.</summary>
        public int Distance { get; } = distance;

        /// <summary>The largest budget for which no blocking call is reachable; -1 when none was tried.</summary>
        public int UnreachableWithin { get; } = unreachableWithin;
    }

    private static string DisplayName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor or MethodKind.StaticConstructor => "new " + method.ContainingType.Name,
        MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
        _ => method.Name,
    };
}
