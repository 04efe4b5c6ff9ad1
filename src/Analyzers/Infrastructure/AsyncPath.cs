using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Why code counts as an async path, for the rules and their messages.</summary>
internal enum AsyncPathKind
{
    /// <summary>Not on an async path.</summary>
    None,

    /// <summary>An async method, lambda or local function, or one that returns an awaitable.</summary>
    Async,

    /// <summary>A synchronous member on a hot path.</summary>
    HotPath,

    /// <summary>A synchronous delegate queued to the thread pool (<c>Task.Run</c>, <c>StartNew</c> without
    /// <c>LongRunning</c>, <c>ThreadPool.QueueUserWorkItem</c>).</summary>
    ThreadPool,
}

/// <summary>
/// The one definition of "async path" (RULES.md, "Key terms"): code inside an async method, lambda or
/// local function; inside a function that returns Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt; or
/// IAsyncEnumerable&lt;T&gt;; or on a hot path. Lambdas and local functions are judged by their own
/// signature, never their container's: a synchronous <c>new Thread(() => …)</c> inside an async method
/// is not on the async path.
/// </summary>
internal sealed class AsyncPath
{
    private const int LongRunning = 2; // TaskCreationOptions.LongRunning

    private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerConfigOptionsProvider, AsyncPath>> s_shared = new();

    private readonly WellKnownTypes _types;
    // Boxed kinds: a dictionary with reference-type values runs on the runtime's shared code, compiled
    // and optimized long before our first callback; one with enum values is compiled for this assembly
    // alone and runs unoptimized through a cold build (see JitOptions).
    private static readonly object[] s_boxedKinds = [AsyncPathKind.None, AsyncPathKind.Async, AsyncPathKind.HotPath, AsyncPathKind.ThreadPool];

    // A pure cache of a verdict computed from the member alone (see ReferenceComparer).
    private readonly ConcurrentDictionary<IMethodSymbol, object> _members = new(ReferenceComparer.Instance);

    private AsyncPath(WellKnownTypes types, HotPath hotPath)
    {
        _types = types;
        HotPath = hotPath;
    }

    /// <summary>The hot-path judge this instance uses.</summary>
    public HotPath HotPath { get; }

    /// <summary>A new instance with its own caches (tests).</summary>
    public static AsyncPath Create(WellKnownTypes types, AnalyzerOptions options)
        => new(types, new HotPath(new ReadinessOptions.Cache(options)));

    /// <summary>
    /// The instance every analyzer shares for <paramref name="compilation"/> under <paramref name="options"/>:
    /// each member is classified once per compilation, not once per analyzer.
    /// </summary>
    public static AsyncPath GetOrCreate(Compilation compilation, AnalyzerOptions options)
    {
        var byOptions = s_shared.GetValue(compilation, static _ => new ConditionalWeakTable<AnalyzerConfigOptionsProvider, AsyncPath>());
        return byOptions.GetValue(options.AnalyzerConfigOptionsProvider, _ => new AsyncPath(
            WellKnownTypes.GetOrCreate(compilation), new HotPath(ReadinessOptions.Cache.For(options))));
    }

    /// <summary>True when <paramref name="operation"/> runs on an async path or a hot path.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsOnAsyncPath(IOperation operation, ISymbol containingSymbol)
        => Classify(operation, containingSymbol, includeThreadPool: false) != AsyncPathKind.None;

    /// <summary>
    /// Classifies the innermost function around <paramref name="operation"/>. With
    /// <paramref name="includeThreadPool"/>, a synchronous lambda queued to the thread pool counts too.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public AsyncPathKind Classify(IOperation operation, ISymbol containingSymbol, bool includeThreadPool)
        => Classify(operation, containingSymbol, includeThreadPool, out _);

    /// <summary>
    /// <see cref="Classify(IOperation, ISymbol, bool)"/>, and the function it judged: the innermost lambda
    /// or local function around <paramref name="operation"/>, else <paramref name="containingSymbol"/>
    /// when it is a method (null for a field or property initializer).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public AsyncPathKind Classify(IOperation operation, ISymbol containingSymbol, bool includeThreadPool, out IMethodSymbol? function)
    {
        // Every call of every body comes through here: the walk up tests each ancestor's kind (a virtual
        // read) and casts only the one function it stops at.
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current.Kind)
            {
                case OperationKind.AnonymousFunction:
                    var lambda = (IAnonymousFunctionOperation)current;
                    function = lambda.Symbol;

                    // A synchronous lambda queued to the pool runs on a pool thread even when it binds to
                    // Func<Task> (a body that never returns does).
                    if (includeThreadPool && !lambda.Symbol.IsAsync && IsQueuedToThreadPool(lambda))
                    {
                        return AsyncPathKind.ThreadPool;
                    }

                    return IsAsyncFunction(lambda.Symbol) ? AsyncPathKind.Async : AsyncPathKind.None;
                case OperationKind.LocalFunction:
                    // Judged like a member (HotPath looks only at a local function's own attributes), and cached.
                    var localFunction = (ILocalFunctionOperation)current;
                    function = localFunction.Symbol;
                    return ClassifyMember(localFunction.Symbol, operation.Syntax.SyntaxTree);
            }
        }

        function = containingSymbol as IMethodSymbol;
        return ClassifyMember(containingSymbol, operation.Syntax.SyntaxTree);
    }

    /// <summary>True when <paramref name="method"/> is async or returns an awaitable.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsAsyncFunction(IMethodSymbol method)
        => method.IsAsync || _types.IsAwaitableReturnType(method.ReturnType);

    // The kind of code directly in the body of a member or local function (outside its lambdas and
    // local functions), cached per function.
    [MethodImpl(JitOptions.Optimized)]
    private AsyncPathKind ClassifyMember(ISymbol member, SyntaxTree tree)
    {
        if (member is not IMethodSymbol method)
        {
            return AsyncPathKind.None; // field and property initializers never run on an async path
        }

        if (_members.TryGetValue(method, out var known))
        {
            return (AsyncPathKind)known;
        }

        var memberKind = IsAsyncFunction(method) ? AsyncPathKind.Async
            : HotPath.IsHotPath(method, tree) ? AsyncPathKind.HotPath
            : AsyncPathKind.None;
        _members.TryAdd(method, s_boxedKinds[(int)memberKind]);
        return memberKind;
    }

    private bool IsQueuedToThreadPool(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        if (parent is IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } creation })
        {
            // new Task(() => …) runs on the pool once started, unless it asks for a thread of its own.
            return (WellKnownTypes.Is(constructor.ContainingType, _types.Task) || WellKnownTypes.Is(constructor.ContainingType, _types.TaskOfT))
                && !MayRunLong(creation.Arguments);
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation } && QueuesToThreadPool(invocation);
    }

    /// <summary>
    /// True when <paramref name="invocation"/> queues its delegate argument to the thread pool:
    /// <c>Task.Run</c>, <c>StartNew</c> without <c>LongRunning</c>, <c>ThreadPool.QueueUserWorkItem</c>.
    /// </summary>
    public bool QueuesToThreadPool(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Run":
                return WellKnownTypes.Is(method.ContainingType, _types.Task);
            case "QueueUserWorkItem":
            case "UnsafeQueueUserWorkItem":
                return WellKnownTypes.Is(method.ContainingType, _types.ThreadPool);
            case "StartNew":
                return (WellKnownTypes.Is(method.ContainingType, _types.TaskFactory)
                        || WellKnownTypes.Is(method.ContainingType, _types.TaskFactoryOfT))
                       && !MayRunLong(invocation.Arguments);
            default:
                return false;
        }
    }

    // A StartNew whose options include LongRunning gets a dedicated thread. Options we cannot read
    // (not a constant) count as long-running: precision before recall.
    private bool MayRunLong(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (!WellKnownTypes.Is(argument.Parameter?.Type, _types.TaskCreationOptions))
            {
                continue;
            }

            var value = argument.Value.ConstantValue;
            if (!value.HasValue || value.Value is not int flags)
            {
                return argument.ArgumentKind != ArgumentKind.DefaultValue;
            }

            return (flags & LongRunning) != 0;
        }

        return false;
    }
}
