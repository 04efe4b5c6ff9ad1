using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Every framework type the rules match, resolved once per compilation. A property is
/// <see langword="null"/> when the compilation does not have the type (a netstandard2.0 project
/// without System.Threading.Tasks.Extensions has no ValueTask); rules that need it register nothing.
/// </summary>
internal sealed class WellKnownTypes
{
    // A cache keyed by the immutable compilation: the analyzers and the code fixes of one
    // compilation share one resolution, and the entry goes away with the compilation.
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> s_cache = new();

    private WellKnownTypes(Compilation compilation)
    {
        Thread = Resolve(compilation, "System.Threading.Thread");
        SpinWait = Resolve(compilation, "System.Threading.SpinWait");
        ThreadPool = Resolve(compilation, "System.Threading.ThreadPool");
        CancellationToken = Resolve(compilation, "System.Threading.CancellationToken");
        Task = Resolve(compilation, "System.Threading.Tasks.Task");
        TaskOfT = Resolve(compilation, "System.Threading.Tasks.Task`1");
        ValueTask = Resolve(compilation, "System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Resolve(compilation, "System.Threading.Tasks.ValueTask`1");
        TaskFactory = Resolve(compilation, "System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = Resolve(compilation, "System.Threading.Tasks.TaskFactory`1");
        TaskCreationOptions = Resolve(compilation, "System.Threading.Tasks.TaskCreationOptions");
        TaskStatus = Resolve(compilation, "System.Threading.Tasks.TaskStatus");
        IAsyncEnumerableOfT = Resolve(compilation, "System.Collections.Generic.IAsyncEnumerable`1");
        TaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = Resolve(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");
    }

    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? SpinWait { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? TaskFactoryOfT { get; }
    public INamedTypeSymbol? TaskCreationOptions { get; }
    public INamedTypeSymbol? TaskStatus { get; }
    public INamedTypeSymbol? IAsyncEnumerableOfT { get; }
    public INamedTypeSymbol? TaskAwaiter { get; }
    public INamedTypeSymbol? TaskAwaiterOfT { get; }
    public INamedTypeSymbol? ValueTaskAwaiter { get; }
    public INamedTypeSymbol? ValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiterOfT { get; }

    /// <summary>The one instance for <paramref name="compilation"/>, created on first use.</summary>
    public static WellKnownTypes GetOrCreate(Compilation compilation)
        => s_cache.GetValue(compilation, static c => new WellKnownTypes(c));

    /// <summary>True when <paramref name="type"/> (or its original definition) is <paramref name="candidate"/>.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? candidate)
        => type is not null && candidate is not null
           && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate);

    /// <summary>Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
        => Is(type, Task) || Is(type, TaskOfT) || Is(type, ValueTask) || Is(type, ValueTaskOfT);

    /// <summary>A return type that makes a method part of an async path: a task-like type or IAsyncEnumerable&lt;T&gt;.</summary>
    public bool IsAwaitableReturnType(ITypeSymbol? type)
        => IsTaskLike(type) || Is(type, IAsyncEnumerableOfT);

    /// <summary>Every awaiter type whose <c>GetResult()</c> blocks until the task completes.</summary>
    public bool IsTaskAwaiter(ITypeSymbol? type)
        => Is(type, TaskAwaiter) || Is(type, TaskAwaiterOfT)
           || Is(type, ValueTaskAwaiter) || Is(type, ValueTaskAwaiterOfT)
           || Is(type, ConfiguredTaskAwaiter) || Is(type, ConfiguredTaskAwaiterOfT)
           || Is(type, ConfiguredValueTaskAwaiter) || Is(type, ConfiguredValueTaskAwaiterOfT);

    // GetTypeByMetadataName answers null when a type is defined twice (a polyfill beside the
    // BCL). The compiler binds the user's code to the source definition in that case, so we do too;
    // otherwise the core library's copy, otherwise the first one.
    private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } unique)
        {
            return unique;
        }

        var candidates = compilation.GetTypesByMetadataName(metadataName);
        if (candidates.IsDefaultOrEmpty)
        {
            return null;
        }

        var corLibrary = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        INamedTypeSymbol? fromCorLibrary = null;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (fromCorLibrary is null && SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, corLibrary))
            {
                fromCorLibrary = candidate;
            }
        }

        return fromCorLibrary ?? candidates[0];
    }
}
