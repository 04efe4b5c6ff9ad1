using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// A map from a key to a value created once (a tree's options, a function's summary), with each
/// thread's last hit in front of it. The compiler's driver hands one thread the operations of one body
/// in a row, so consecutive lookups mostly ask for the key just asked for: a hit costs a thread-local
/// read and a reference comparison instead of a concurrent-dictionary probe. A miss goes to the store
/// behind the front, which stays the one source of truth. Two stores:
/// <list type="bullet">
/// <item><see cref="Strong"/>: a concurrent dictionary (its comparer the one definition of "same key"),
/// for a memo owned by a per-compilation object, so nothing outlives the compilation it serves.</item>
/// <item><see cref="Weak"/>: a table that holds its keys weakly (identity), for a memo that may outlive
/// the keys it has seen: a value lives as long as its key, and the front keeps at most one key per
/// thread.</item>
/// </list>
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lives as long as its owner, which has no point at which to dispose it; ThreadLocal's finalizer frees each thread's slot.")]
internal sealed class ConcurrentMemo<TKey, TValue>
    where TKey : class
    where TValue : class
{
    private readonly ThreadLocal<Entry> _last = new(static () => new Entry());
    private readonly Func<TKey, TValue> _create;
    private readonly ConcurrentDictionary<TKey, TValue>? _values;
    private readonly ConditionalWeakTable<TKey, TValue>? _weak;
    private readonly ConditionalWeakTable<TKey, TValue>.CreateValueCallback? _createWeak;

    private ConcurrentMemo(IEqualityComparer<TKey>? comparer, Func<TKey, TValue> create, bool weak)
    {
        _create = create;
        if (weak)
        {
            _weak = new ConditionalWeakTable<TKey, TValue>();
            _createWeak = new ConditionalWeakTable<TKey, TValue>.CreateValueCallback(create);
        }
        else
        {
            _values = comparer is null ? new ConcurrentDictionary<TKey, TValue>() : new ConcurrentDictionary<TKey, TValue>(comparer);
        }
    }

    /// <summary>A memo whose store holds every key and value until the memo itself is collected.</summary>
    public static ConcurrentMemo<TKey, TValue> Strong(IEqualityComparer<TKey>? comparer, Func<TKey, TValue> create)
        => new(comparer, create, weak: false);

    /// <summary>A memo whose store holds each key weakly, by identity: a value lives as long as its key.</summary>
    public static ConcurrentMemo<TKey, TValue> Weak(Func<TKey, TValue> create)
        => new(comparer: null, create, weak: true);

    /// <summary>Every value created so far, by key (a <see cref="Strong"/> memo only).</summary>
    public ConcurrentDictionary<TKey, TValue> Values
        => _values ?? throw new InvalidOperationException("A weak memo cannot list its values.");

    /// <summary>The value for <paramref name="key"/>, created on first use.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public TValue Get(TKey key)
    {
        var last = _last.Value!;
        if (ReferenceEquals(last.Key, key))
        {
            return last.Value!;
        }

        var value = _values is { } values ? values.GetOrAdd(key, _create) : _weak!.GetValue(key, _createWeak!);
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
