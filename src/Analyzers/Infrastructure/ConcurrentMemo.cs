using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// A per-compilation map from a key to a value created once (a tree's options, a function's summary),
/// with each thread's last hit in front of it. The compiler's driver hands one thread the operations of
/// one body in a row, so consecutive lookups mostly ask for the key just asked for: a hit costs a
/// thread-local read and a reference comparison instead of a concurrent-dictionary probe. A miss goes
/// to the dictionary, which stays the one source of truth (and its comparer the one definition of
/// "same key"). Owned by a per-compilation object, so nothing outlives the compilation it serves.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lives as long as its compilation, which has no point at which to dispose it; ThreadLocal's finalizer frees each thread's slot.")]
internal sealed class ConcurrentMemo<TKey, TValue>
    where TKey : class
    where TValue : class
{
    private readonly ThreadLocal<Entry> _last = new(static () => new Entry());
    private readonly Func<TKey, TValue> _create;

    public ConcurrentMemo(IEqualityComparer<TKey>? comparer, Func<TKey, TValue> create)
    {
        Values = comparer is null ? new ConcurrentDictionary<TKey, TValue>() : new ConcurrentDictionary<TKey, TValue>(comparer);
        _create = create;
    }

    /// <summary>Every value created so far, by key.</summary>
    public ConcurrentDictionary<TKey, TValue> Values { get; }

    /// <summary>The value for <paramref name="key"/>, created on first use.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public TValue Get(TKey key)
    {
        var last = _last.Value!;
        if (ReferenceEquals(last.Key, key))
        {
            return last.Value!;
        }

        var value = Values.GetOrAdd(key, _create);
        last.Key = key;
        last.Value = value;
        return value;
    }

    // One per thread, read and written only by its own thread.
    private sealed class Entry
    {
        public TKey? Key;
        public TValue? Value;
    }
}
