using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Infrastructure;

namespace ReadinessAnalyzers;

/// <summary>
/// RDY107: a call on an async path to a synchronous source method that blocks, directly or through its
/// own synchronous callees. While the compilation is analysed, each function's summary (its first direct
/// blocking call and its direct calls to source methods) is filled from the call operations the driver
/// hands over, in the walk it makes once for every analyzer; the chains are resolved when the whole call
/// graph is known, with a depth-bounded shortest-path search memoised per method, so the cost is linear
/// in the size of the code and recursion cannot loop.
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
        context.RegisterOperationAction(graph.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(graph.OnObjectCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(graph.OnPropertyReference, OperationKind.PropertyReference);
        context.RegisterOperationAction(graph.OnLock, OperationKind.Lock);
        context.RegisterCompilationEndAction(graph.OnCompilationEnd);
    }

    /// <summary>The first blocking call in a method body: what it is and where.</summary>
    private sealed class BlockingSite(string api, Location location)
    {
        public string Api { get; } = api;

        public Location Location { get; } = location;
    }

    /// <summary>
    /// A function's summary: its first direct blocking call in source order and the source methods it
    /// calls directly, in the order of their first call. Only functions that block or call a source
    /// method get one; a function without one reaches nothing.
    /// </summary>
    private sealed class MethodSummary(IMethodSymbol method)
    {
        private int _directPosition = int.MaxValue;

        /// <summary>The name a chain shows; computed only for the methods of a reported chain.</summary>
        public string Name => DisplayName(method);

        public BlockingSite? Direct { get; private set; }

        /// <summary>
        /// Read only once the compilation has been analysed. Most functions call few source methods: a
        /// list with a linear duplicate check beats a set.
        /// </summary>
        public List<IMethodSymbol> Callees { get; } = new();

        public void AddDirect(string api, IOperation operation)
        {
            // One body is analysed by one thread; the lock guards against a host that does otherwise.
            lock (Callees)
            {
                if (operation.Syntax.SpanStart < _directPosition)
                {
                    _directPosition = operation.Syntax.SpanStart;
                    Direct = new BlockingSite(api, operation.Syntax.GetLocation());
                }
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void AddCallee(IMethodSymbol callee)
        {
            lock (Callees)
            {
                foreach (var known in Callees)
                {
                    if (SymbolEqualityComparer.Default.Equals(known, callee))
                    {
                        return;
                    }
                }

                Callees.Add(callee);
            }
        }
    }

    /// <summary>
    /// A call from an async or hot path to a source method, kept until the compilation end. It holds the
    /// call's syntax, never its operation: an operation keeps its whole semantic model alive (bound
    /// trees and operation trees of every member of its file), which the driver would otherwise free as
    /// soon as the file is analysed.
    /// </summary>
    private sealed class CallSite(IMethodSymbol callee, SyntaxNode syntax, AsyncPathKind kind, int maxDepth)
    {
        public IMethodSymbol Callee { get; } = callee;

        public SyntaxNode Syntax { get; } = syntax;

        public AsyncPathKind Kind { get; } = kind;

        public int MaxDepth { get; } = maxDepth;
    }

    private sealed class LockSite(LockRegion region, int maxDepth)
    {
        public LockRegion Region { get; } = region;

        public int MaxDepth { get; } = maxDepth;
    }

    private sealed class CallGraph(AsyncPath asyncPath, BlockingCalls blocking, LockRegions regions)
    {
        private const int Unreachable = int.MaxValue;

        private static readonly Func<IMethodSymbol, MethodSummary> s_newSummary = static method => new MethodSummary(method);

        private readonly ConcurrentMemo<IMethodSymbol, MethodSummary> _summaries = ConcurrentMemo<IMethodSymbol, MethodSummary>.Strong(SymbolEqualityComparer.Default, s_newSummary);
        private readonly ConcurrentQueue<CallSite> _sites = new();
        private readonly ConcurrentQueue<LockSite> _locks = new();
        private readonly SourceCallees.Verdicts _callees = SourceCallees.For(asyncPath);

        // The callbacks below see every call of every body. Each rejects a call that is neither blocking
        // nor to a source method (most calls go to library code) before it looks up which function the
        // call is in, and nothing is allocated for a rejected call.
        [MethodImpl(JitOptions.Optimized)]
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var target = invocation.TargetMethod;
            var options = Options(invocation);
            if (regions.IsLockAcquisition(target))
            {
                AddLock(regions.OfEnter(invocation, context.ContainingSymbol, context.CancellationToken), options);
            }

            var kind = blocking.Classify(invocation, options, out var api);
            if (kind != BlockingKind.None)
            {
                // RDY101-RDY104 report this call themselves; here it only makes its function block.
                if (!IsCompletedTaskWait(invocation, kind) && EnclosingFunction(invocation, context.ContainingSymbol, out _) is { } function)
                {
                    Summary(function).AddDirect(api, invocation);
                }

                return;
            }

            OnSourceCall(invocation, target, context.ContainingSymbol, context.CancellationToken);
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnObjectCreation(OperationAnalysisContext context)
        {
            if (((IObjectCreationOperation)context.Operation).Constructor is { } constructor)
            {
                OnSourceCall(context.Operation, constructor, context.ContainingSymbol, context.CancellationToken);
            }
        }

        [MethodImpl(JitOptions.Optimized)]
        public void OnPropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (blocking.IsTaskResult(reference)
                && !TaskCompletion.IsKnownComplete(reference.Instance!, reference, context.CancellationToken)
                && EnclosingFunction(reference, context.ContainingSymbol, out _) is { } function)
            {
                Summary(function).AddDirect(".Result", reference);
            }

            var accessor = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
                ? reference.Property.SetMethod
                : reference.Property.GetMethod;
            if (accessor is not null)
            {
                OnSourceCall(reference, accessor, context.ContainingSymbol, context.CancellationToken);
            }
        }

        // BlockingCallAnalyzer decides every lock it can from the lock's own body; the rest wait for the
        // call graph (LockRegion.DependsOnCallees).
        public void OnLock(OperationAnalysisContext context)
            => AddLock(regions.OfLock((ILockOperation)context.Operation, context.ContainingSymbol, context.CancellationToken), Options(context.Operation));

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

                var chain = DescribeChain(site.Callee, distance, memo, site.Syntax.SyntaxTree);
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.BlockingCallChain, site.Syntax.GetLocation(),
                    _summaries.Values[site.Callee].Name + "()", chain, Describe(site.Kind)));
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
                    $"holds the lock across '{_summaries.Values[callee].Name}()', which blocks: {chain}, on {Describe(region.Kind)}: every thread that needs the lock waits for that call; move it out of the critical section, or use SemaphoreSlim.WaitAsync or a Channel<T>");
            }

            return Diagnostic.Create(CompilationEndRules.LockOnAsyncPath, region.Location, region.Name, Describe(region.Kind));
        }

        private ReadinessOptions Options(IOperation operation) => asyncPath.HotPath.Options.Get(operation.Syntax.SyntaxTree);

        [MethodImpl(JitOptions.Optimized)]
        private MethodSummary Summary(IMethodSymbol function) => _summaries.Get(function);

        // A call to a source method joins its function's summary and, on an async path, becomes a
        // candidate site; only such a site reads the options (its depth budget).
        [MethodImpl(JitOptions.Optimized)]
        private void OnSourceCall(IOperation call, IMethodSymbol target, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            // A callee without a body of its own (an auto-property's accessor) never blocks: it joins no
            // summary and makes no call site.
            if (_callees.CalleeWithBody(target, cancellationToken) is not { } callee)
            {
                return;
            }

            if (EnclosingFunction(call, containingSymbol, out var path) is { } function)
            {
                Summary(function).AddCallee(callee);
            }

            if (path != AsyncPathKind.None)
            {
                _sites.Enqueue(new CallSite(callee, call.Syntax, path, Options(call).MaxCallDepth));
            }
        }

        // The function a call belongs to (the innermost local function, else the member) and the kind of
        // path it runs on. A lambda belongs to no summary (a lambda the method does not invoke does not
        // block it) and is judged by its own signature, like a local function.
        [MethodImpl(JitOptions.Optimized)]
        private IMethodSymbol? EnclosingFunction(IOperation call, ISymbol containingSymbol, out AsyncPathKind path)
        {
            path = asyncPath.Classify(call, containingSymbol, includeThreadPool: false, out var function);
            return function is null || function.MethodKind == MethodKind.AnonymousFunction ? null : SourceCallees.Normalise(function);
        }

        private void AddLock(LockRegion? region, ReadinessOptions options)
        {
            if (region is { DependsOnCallees: true })
            {
                _locks.Enqueue(new LockSite(region, options.MaxCallDepth));
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
            if (budget < 0 || !_summaries.Values.TryGetValue(method, out var summary))
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
                var summary = _summaries.Values[method];
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
