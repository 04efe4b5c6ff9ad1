using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Which blocking pattern a call matches: the rule that owns it.</summary>
internal enum BlockingKind
{
    /// <summary>Not a blocking call.</summary>
    None,

    /// <summary>RDY101: <c>Thread.Sleep</c>, <c>SpinWait.SpinUntil</c> with a timeout.</summary>
    Sleep,

    /// <summary>RDY102: <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll/WaitAny</c>.</summary>
    SyncOverAsync,

    /// <summary>RDY103: a wait on a synchronization primitive.</summary>
    Synchronization,

    /// <summary>RDY104: synchronous I/O with an awaitable alternative, or a configured blocking method.</summary>
    SyncIO,
}

/// <summary>
/// The one place that knows which calls block a thread (RDY101–RDY104 patterns), shared by the
/// blocking-call rules, the lock-body check of RDY103 and the interprocedural summaries of RDY107.
/// Checks run cheapest first: the method name rejects almost every call.
/// </summary>
internal sealed class BlockingCalls
{
    private readonly WellKnownTypes _types;
    // Reference-type values (AsyncTwins is a class, the verdicts are boxed once): dictionaries of
    // value types are compiled for this assembly alone and run unoptimized through a cold build
    // (see JitOptions); these run on the runtime's shared, already optimized code.
    private static readonly object s_mayDoIO = true;
    private static readonly object s_neverIO = false;

    // Keyed by original definitions, one object each per compilation (see ReferenceComparer).
    private readonly ConcurrentDictionary<IMethodSymbol, AsyncTwins> _twins = new(ReferenceComparer.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, object> _mayDoIO = new(ReferenceComparer.Instance);

    private static readonly ConditionalWeakTable<Compilation, BlockingCalls> s_shared = new();

    public BlockingCalls(WellKnownTypes types) => _types = types;

    /// <summary>The instance the analyzers share for <paramref name="compilation"/>: each method's twins and I/O verdict are looked up once.</summary>
    public static BlockingCalls GetOrCreate(Compilation compilation)
        => s_shared.GetValue(compilation, static c => new BlockingCalls(WellKnownTypes.GetOrCreate(c)));

    /// <summary>The awaitable alternatives of a synchronous method.</summary>
    internal sealed class AsyncTwins(IMethodSymbol? sameParameters, IMethodSymbol? withCancellation, bool anyExists)
    {
        /// <summary>No awaitable alternative at all.</summary>
        public static readonly AsyncTwins None = new(null, null, anyExists: false);

        /// <summary><c>NameAsync</c> with exactly the same parameters.</summary>
        public IMethodSymbol? SameParameters { get; } = sameParameters;

        /// <summary><c>NameAsync</c> with the same parameters plus a trailing <c>CancellationToken</c>.</summary>
        public IMethodSymbol? WithCancellation { get; } = withCancellation;

        /// <summary>Some awaitable <c>NameAsync</c> exists on the type, whatever its parameters.</summary>
        public bool AnyExists { get; } = anyExists;

        public bool HasExactTwin => SameParameters is not null || WithCancellation is not null;
    }

    /// <summary>Classifies an invocation; <paramref name="api"/> is a short display name for messages.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public BlockingKind Classify(IInvocationOperation invocation, ReadinessOptions options, out string api)
    {
        var method = invocation.TargetMethod;
        api = string.Empty;
        if (IsSleep(invocation))
        {
            api = method.ContainingType.Name + "." + method.Name;
            return BlockingKind.Sleep;
        }

        if (IsSyncOverAsync(invocation))
        {
            api = SyncOverAsyncName(method);
            return BlockingKind.SyncOverAsync;
        }

        if (IsBlockingSynchronization(invocation))
        {
            api = method.ContainingType.Name + "." + method.Name;
            return BlockingKind.Synchronization;
        }

        if (IsSyncIO(invocation, options, out _))
        {
            api = method.ContainingType.Name + "." + method.Name;
            return BlockingKind.SyncIO;
        }

        return BlockingKind.None;
    }

    /// <summary><c>Task&lt;T&gt;.Result</c> / <c>ValueTask&lt;T&gt;.Result</c>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsTaskResult(IPropertyReferenceOperation reference)
        => reference.Property.Name == "Result"
           && (WellKnownTypes.Is(reference.Property.ContainingType, _types.TaskOfT) || WellKnownTypes.Is(reference.Property.ContainingType, _types.ValueTaskOfT))
           && reference.Instance is not null;

    /// <summary>RDY101: <c>Thread.Sleep</c> with a non-zero delay, <c>SpinWait.SpinUntil</c> with a timeout.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsSleep(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return method.Name switch
        {
            "Sleep" => WellKnownTypes.Is(method.ContainingType, _types.Thread) && !IsZeroTimeout(invocation),
            "SpinUntil" => WellKnownTypes.Is(method.ContainingType, _types.SpinWait) && method.Parameters.Length == 2,
            _ => false,
        };
    }

    /// <summary>RDY102 invocations: <c>Wait</c> (not a zero timeout), <c>Task.WaitAll/WaitAny</c>, an awaiter's <c>GetResult()</c> on <c>GetAwaiter()</c>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsSyncOverAsync(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return method.Name switch
        {
            "Wait" => !method.IsStatic && WellKnownTypes.Is(method.ContainingType, _types.Task) && !IsZeroTimeout(invocation),
            "WaitAll" or "WaitAny" => method.IsStatic && WellKnownTypes.Is(method.ContainingType, _types.Task),
            "GetResult" => _types.IsTaskAwaiter(method.ContainingType)
                && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter" },
            _ => false,
        };
    }

    /// <summary>RDY103: a wait on a synchronization primitive that can park the thread.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsBlockingSynchronization(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        switch (method.Name)
        {
            case "Wait":
                return (WellKnownTypes.Is(type, _types.SemaphoreSlim) || WellKnownTypes.Is(type, _types.ManualResetEventSlim)
                        || WellKnownTypes.Is(type, _types.CountdownEvent) || (WellKnownTypes.Is(type, _types.Monitor) && method.IsStatic))
                       && !IsZeroTimeout(invocation);
            case "WaitOne":
            case "WaitAll":
            case "WaitAny":
            case "SignalAndWait":
                return (WellKnownTypes.IsOrDerivesFrom(type, _types.WaitHandle) || WellKnownTypes.Is(type, _types.Barrier))
                       && !IsZeroTimeout(invocation);
            case "TryEnter":
                return WellKnownTypes.Is(type, _types.Monitor) && HasTimeout(method) && !IsZeroTimeout(invocation);
            case "EnterReadLock":
            case "EnterWriteLock":
            case "EnterUpgradeableReadLock":
                return WellKnownTypes.Is(type, _types.ReaderWriterLockSlim);
            case "TryEnterReadLock":
            case "TryEnterWriteLock":
            case "TryEnterUpgradeableReadLock":
                return WellKnownTypes.Is(type, _types.ReaderWriterLockSlim) && !IsZeroTimeout(invocation);
            case "SpinUntil":
                return WellKnownTypes.Is(type, _types.SpinWait) && method.Parameters.Length == 1;
            case "Join":
                return WellKnownTypes.Is(type, _types.Thread) && !IsZeroTimeout(invocation);
            default:
                return false;
        }
    }

    /// <summary>
    /// RDY104: synchronous I/O on a type that offers an awaitable alternative (the listed I/O types, or
    /// any method whose type has <c>NameAsync</c> with the same parameters, optionally plus a
    /// CancellationToken), or a method listed in <c>readiness.blocking_methods</c>.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsSyncIO(IInvocationOperation invocation, ReadinessOptions options, out AsyncTwins twins)
    {
        var method = invocation.TargetMethod;
        twins = AsyncTwins.None;
        if (!MayDoSyncIO(method, options))
        {
            return false;
        }

        twins = GetTwins(method);
        return !IsInMemory(invocation);
    }

    /// <summary>
    /// The part of <see cref="IsSyncIO"/> that depends on the method alone, answered once per method
    /// per compilation: callers test it before any per-call work (async path, arguments).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool MayDoSyncIO(IMethodSymbol method, ReadinessOptions options)
    {
        if (method.Name.EndsWith("Async", StringComparison.Ordinal))
        {
            return false;
        }

        if (!options.BlockingMethods.IsEmpty && IsConfiguredBlocking(method, options))
        {
            return !IsNeverIO(method);
        }

        method = method.OriginalDefinition;
        if (_mayDoIO.TryGetValue(method, out var known))
        {
            return ReferenceEquals(known, s_mayDoIO);
        }

        var mayDoIO = method.MethodKind == MethodKind.Ordinary && !method.IsExtensionMethod && !IsNeverIO(method)
            && GetTwins(method) is var twins
            && (twins.HasExactTwin || (twins.AnyExists && IsListedIOType(method.ContainingType)));
        _mayDoIO.TryAdd(method, mayDoIO ? s_mayDoIO : s_neverIO);
        return mayDoIO;
    }

    /// <summary>The awaitable twins of <paramref name="method"/>, looked up once per method per compilation.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public AsyncTwins GetTwins(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (!_twins.TryGetValue(method, out var twins))
        {
            twins = FindTwins(method);
            _twins.TryAdd(method, twins);
        }

        return twins;
    }

    /// <summary>A zero timeout (<c>0</c>, <c>TimeSpan.Zero</c>) among the arguments: a non-blocking check.</summary>
    public static bool IsZeroTimeout(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            if (value.ConstantValue is { HasValue: true, Value: int milliseconds })
            {
                return milliseconds == 0;
            }

            if (value is IFieldReferenceOperation { Field.Name: "Zero", Field.ContainingType.Name: "TimeSpan" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTimeout(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_Int32 || parameter.Type.Name == "TimeSpan")
            {
                return true;
            }
        }

        return false;
    }

    private static string SyncOverAsyncName(IMethodSymbol method) => method.Name switch
    {
        "Wait" => ".Wait()",
        "GetResult" => ".GetAwaiter().GetResult()",
        _ => "Task." + method.Name,
    };

    // Cancellation is not I/O, Dispose is another concern, EF's Add/AddRange must stay synchronous,
    // and tasks, primitives, the console, paths and loggers are other rules' business or not I/O.
    private bool IsNeverIO(IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "Dispose":
            case "Cancel":
            case "CancelAfter":
            case "Add":
            case "AddRange":
            case "ToString":
            case "Exists":
                return true;
        }

        var type = method.ContainingType;
        return type is null
            || _types.IsTaskLike(type) || WellKnownTypes.Is(type, _types.TaskFactory) || WellKnownTypes.Is(type, _types.TaskFactoryOfT)
            || WellKnownTypes.Is(type, _types.Console) || WellKnownTypes.Is(type, _types.Path)
            || WellKnownTypes.Is(type, _types.CancellationTokenSource)
            || WellKnownTypes.Is(type, _types.SemaphoreSlim) || WellKnownTypes.Is(type, _types.ManualResetEventSlim)
            || WellKnownTypes.Is(type, _types.CountdownEvent) || WellKnownTypes.Is(type, _types.Barrier)
            || WellKnownTypes.Is(type, _types.Monitor) || WellKnownTypes.Is(type, _types.ReaderWriterLockSlim)
            || WellKnownTypes.IsOrDerivesFrom(type, _types.WaitHandle) || WellKnownTypes.Is(type, _types.Thread)
            || WellKnownTypes.Is(type, _types.ILogger) || WellKnownTypes.Is(type, _types.LoggerExtensions)
            || type.Name is "Utf8JsonWriter";
    }

    // MemoryStream, StringReader, StringWriter and the console's own writers do no I/O worth awaiting,
    // whether they are the receiver or a stream argument.
    private bool IsInMemory(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            if (IsInMemoryType(instance.Type)
                || instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" or "In" } console
                    && WellKnownTypes.Is(console.Property.ContainingType, _types.Console))
            {
                return true;
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (IsInMemoryType(value.Type))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInMemoryType(ITypeSymbol? type)
        => WellKnownTypes.IsOrDerivesFrom(type, _types.MemoryStream)
           || WellKnownTypes.IsOrDerivesFrom(type, _types.UnmanagedMemoryStream)
           || WellKnownTypes.IsOrDerivesFrom(type, _types.StringReader)
           || WellKnownTypes.IsOrDerivesFrom(type, _types.StringWriter);

    private bool IsListedIOType(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() is "System.IO" && current.Name is "Stream" or "TextReader" or "TextWriter" or "File"
                || WellKnownTypes.Is(current, _types.WebClient) || WellKnownTypes.Is(current, _types.Socket)
                || WellKnownTypes.Is(current, _types.Dns) || WellKnownTypes.Is(current, _types.Process))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConfiguredBlocking(IMethodSymbol method, ReadinessOptions options)
    {
        var original = method.OriginalDefinition;
        var documentationId = original.GetDocumentationCommentId();
        var simple = original.ContainingType.Name + "." + original.Name;
        var qualified = original.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + original.Name;
        foreach (var entry in options.BlockingMethods)
        {
            if (string.Equals(entry, documentationId, StringComparison.Ordinal)
                || string.Equals(entry, simple, StringComparison.Ordinal)
                || string.Equals(entry, qualified, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // NameAsync, or for the event-based pattern (WebClient) whose NameAsync returns void, NameTaskAsync.
    private AsyncTwins FindTwins(IMethodSymbol method)
    {
        var twins = FindTwins(method, method.Name + "Async");
        return twins.AnyExists ? twins : FindTwins(method, method.Name + "TaskAsync");
    }

    private AsyncTwins FindTwins(IMethodSymbol method, string name)
    {
        IMethodSymbol? same = null;
        IMethodSymbol? withToken = null;
        var any = false;
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is not IMethodSymbol candidate
                    || candidate.IsStatic != method.IsStatic
                    || candidate.DeclaredAccessibility != Accessibility.Public && !SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, method.ContainingAssembly)
                    || !_types.IsAwaitableReturnType(candidate.ReturnType))
                {
                    continue;
                }

                any = true;
                if (same is null && ParametersMatch(method, candidate, extraToken: false))
                {
                    same = candidate;
                }
                else if (withToken is null && ParametersMatch(method, candidate, extraToken: true))
                {
                    withToken = candidate;
                }
            }
        }

        return any ? new AsyncTwins(same, withToken, anyExists: true) : AsyncTwins.None;
    }

    private bool ParametersMatch(IMethodSymbol method, IMethodSymbol candidate, bool extraToken)
    {
        var count = method.Parameters.Length;
        if (candidate.Parameters.Length != count + (extraToken ? 1 : 0) || candidate.Arity != method.Arity)
        {
            return false;
        }

        if (extraToken && !WellKnownTypes.Is(candidate.Parameters[count].Type, _types.CancellationToken))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var expected = method.Parameters[i];
            var actual = candidate.Parameters[i];
            if (expected.RefKind != actual.RefKind || !SameType(expected.Type, actual.Type))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameType(ITypeSymbol left, ITypeSymbol right)
        => left is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } l
           && right is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } r
            ? l.Ordinal == r.Ordinal
            : SymbolEqualityComparer.Default.Equals(left, right);
}
