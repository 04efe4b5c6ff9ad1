using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// A lock held on an async or hot path: where it is reported, how it is named, and what its body
/// does. <see cref="BlockingCall"/> is the first direct RDY101–RDY104 pattern in the body;
/// <see cref="Callees"/> are the source methods the body calls (<see cref="SourceCallees"/>), in
/// source order, whose own bodies decide the lock when there is no direct blocking call.
/// </summary>
internal sealed class LockRegion(Location location, string name, AsyncPathKind kind, string? blockingCall, ImmutableArray<IMethodSymbol> callees)
{
    /// <summary>The <c>lock (…)</c> header or the acquiring call.</summary>
    public Location Location { get; } = location;

    /// <summary><c>lock (_book)</c>, <c>Monitor.Enter</c>, <c>Lock.EnterScope</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Async or hot path.</summary>
    public AsyncPathKind Kind { get; } = kind;

    /// <summary>The first direct blocking call in the body, in source order; null when none.</summary>
    public string? BlockingCall { get; } = blockingCall;

    /// <summary>The source methods the body calls, in source order; empty when a direct call blocks.</summary>
    public ImmutableArray<IMethodSymbol> Callees { get; } = callees;

    /// <summary>True when only the bodies of <see cref="Callees"/> can tell RDY103 from RDY108.</summary>
    public bool DependsOnCallees => BlockingCall is null && !Callees.IsEmpty;
}

/// <summary>
/// The one definition of a lock region on an async or hot path (a <c>lock</c> statement, a
/// <c>Monitor.Enter</c>/<c>Lock.Enter</c>…<c>Exit</c> region, a <c>Lock.EnterScope</c> scope) and of
/// what its body does, shared by BlockingCallAnalyzer (which decides the lock when its body alone is
/// enough) and BlockingChainAnalyzer (which decides it at compilation end from the callees' bodies),
/// so every lock gets exactly one of RDY103 and RDY108. Lambdas and local functions in the body do not
/// run there and are not looked into.
/// </summary>
internal sealed class LockRegions(WellKnownTypes types, AsyncPath asyncPath, BlockingCalls blocking)
{
    private const int MaxLockTextLength = 40;

    private readonly SourceCallees.Verdicts _callees = SourceCallees.For(asyncPath);

    /// <summary>True for <c>Monitor.Enter</c> (static), <c>Lock.Enter</c> and <c>Lock.EnterScope</c>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsLockAcquisition(IMethodSymbol method)
        => method.Name switch
        {
            "Enter" => (WellKnownTypes.Is(method.ContainingType, types.Monitor) && method.IsStatic)
                       || WellKnownTypes.Is(method.ContainingType, types.Lock),
            "EnterScope" => WellKnownTypes.Is(method.ContainingType, types.Lock),
            _ => false,
        };

    /// <summary>The region of a <c>lock</c> statement, or null when it is not on an async or hot path.</summary>
    public LockRegion? OfLock(ILockOperation lockOperation, ISymbol containingSymbol, CancellationToken cancellationToken)
    {
        if (lockOperation.Syntax is not LockStatementSyntax syntax)
        {
            return null;
        }

        var kind = asyncPath.Classify(lockOperation, containingSymbol, includeThreadPool: false);
        if (kind == AsyncPathKind.None)
        {
            return null;
        }

        var body = new BodyScan();
        Scan(lockOperation.Body, body, cancellationToken);
        var header = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.LockKeyword.SpanStart, syntax.CloseParenToken.Span.End));
        return body.Build(header, "lock (" + Shorten(syntax.Expression.ToString()) + ")", kind);
    }

    /// <summary>
    /// The region opened by <paramref name="enter"/> (see <see cref="IsLockAcquisition"/>), or null when
    /// it is not on an async or hot path. Monitor.Enter / Lock.Enter hold the lock from the call to the
    /// matching Exit (or the end of the block); Lock.EnterScope holds it for its using statement or
    /// using declaration.
    /// </summary>
    public LockRegion? OfEnter(IInvocationOperation enter, ISymbol containingSymbol, CancellationToken cancellationToken)
    {
        var kind = asyncPath.Classify(enter, containingSymbol, includeThreadPool: false);
        if (kind == AsyncPathKind.None)
        {
            return null;
        }

        var body = new BodyScan();
        for (var current = enter.Parent; current is not null; current = current.Parent)
        {
            if (current is IUsingOperation usingOperation)
            {
                Scan(usingOperation.Body, body, cancellationToken);
                break;
            }

            if (current is IExpressionStatementOperation or IUsingDeclarationOperation or IVariableDeclarationGroupOperation)
            {
                ScanAfter(current, body, cancellationToken);
                break;
            }

            if (current is IBlockOperation)
            {
                break;
            }
        }

        var method = enter.TargetMethod;
        return body.Build(enter.Syntax.GetLocation(), method.ContainingType.Name + "." + method.Name, kind);
    }

    private void ScanAfter(IOperation statement, BodyScan body, CancellationToken cancellationToken)
    {
        if (statement.Parent is not IBlockOperation block)
        {
            return;
        }

        var after = false;
        foreach (var sibling in block.Operations)
        {
            if (after)
            {
                if (IsLockRelease(sibling))
                {
                    return;
                }

                Scan(sibling, body, cancellationToken);
                if (body.BlockingCall is not null)
                {
                    return;
                }
            }
            else if (sibling == statement)
            {
                after = true;
            }
        }
    }

    private bool IsLockRelease(IOperation statement)
        => statement is IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "Exit" } exit }
           && (WellKnownTypes.Is(exit.TargetMethod.ContainingType, types.Monitor) || WellKnownTypes.Is(exit.TargetMethod.ContainingType, types.Lock));

    // The first call in the region that blocks (any RDY101-RDY104 pattern), in source order, and the
    // source methods it calls, the way RDY107's walk sees calls: invocations, constructors, accessors.
    private void Scan(IOperation region, BodyScan body, CancellationToken cancellationToken)
    {
        var stack = new Stack<IOperation>();
        stack.Push(region);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue;
                case IInvocationOperation invocation:
                    var kind = blocking.Classify(invocation, asyncPath.HotPath.Options.Get(invocation.Syntax.SyntaxTree), out var api);
                    if (kind == BlockingKind.None)
                    {
                        body.AddCall(invocation.TargetMethod, invocation, _callees, cancellationToken);
                    }
                    else if (!IsCompletedTaskWait(invocation, kind, cancellationToken))
                    {
                        body.AddBlocking(api, invocation);
                    }

                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    body.AddCall(constructor, creation, _callees, cancellationToken);
                    break;
                case IPropertyReferenceOperation reference:
                    if (blocking.IsTaskResult(reference) && !TaskCompletion.IsKnownComplete(reference.Instance!, reference, cancellationToken))
                    {
                        body.AddBlocking(".Result", reference);
                    }

                    var accessor = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
                        ? reference.Property.SetMethod
                        : reference.Property.GetMethod;
                    if (accessor is not null)
                    {
                        body.AddCall(accessor, reference, _callees, cancellationToken);
                    }

                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }

    // .Wait() / .GetAwaiter().GetResult() on a task known to be complete does not block.
    private static bool IsCompletedTaskWait(IInvocationOperation invocation, BlockingKind kind, CancellationToken cancellationToken)
    {
        if (kind != BlockingKind.SyncOverAsync || invocation.TargetMethod.Name is not ("Wait" or "GetResult")
            || invocation.Instance is not { } instance)
        {
            return false;
        }

        var task = invocation.TargetMethod.Name == "GetResult"
            ? instance is IInvocationOperation { Instance: { } awaited } ? TaskCompletion.StripConfigureAwait(awaited) : null
            : instance;
        return task is not null && TaskCompletion.IsKnownComplete(task, invocation, cancellationToken);
    }

    private static string Shorten(string text)
        => text.Length <= MaxLockTextLength ? text : text.Substring(0, MaxLockTextLength - 1) + "…";

    private sealed class BodyScan
    {
        private readonly List<(int Position, IMethodSymbol Callee)> _callees = new();
        private int _blockingPosition = int.MaxValue;

        public string? BlockingCall { get; private set; }

        public void AddBlocking(string api, IOperation operation)
        {
            if (operation.Syntax.SpanStart < _blockingPosition)
            {
                _blockingPosition = operation.Syntax.SpanStart;
                BlockingCall = api;
            }
        }

        // An auto-property's accessors have no body, so a lock that only touches them is decided
        // here, as the user types, instead of waiting for the call graph.
        public void AddCall(IMethodSymbol target, IOperation operation, SourceCallees.Verdicts callees, CancellationToken cancellationToken)
        {
            if (callees.CalleeWithBody(target, cancellationToken) is { } callee)
            {
                _callees.Add((operation.Syntax.SpanStart, callee));
            }
        }

        public LockRegion Build(Location location, string name, AsyncPathKind kind)
        {
            if (BlockingCall is not null || _callees.Count == 0)
            {
                return new LockRegion(location, name, kind, BlockingCall, ImmutableArray<IMethodSymbol>.Empty);
            }

            _callees.Sort(static (a, b) => a.Position.CompareTo(b.Position));
            var callees = ImmutableArray.CreateBuilder<IMethodSymbol>(_callees.Count);
            foreach (var (_, callee) in _callees)
            {
                callees.Add(callee);
            }

            return new LockRegion(location, name, kind, null, callees.MoveToImmutable());
        }
    }
}
