using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Identity as equality, for per-compilation caches keyed by a symbol definition. Within one
/// compilation the compiler hands out one object per definition (a method's original definition, a
/// member, a type), so an identity probe finds every earlier entry, at a fraction of the cost of
/// <see cref="Microsoft.CodeAnalysis.SymbolEqualityComparer"/>. Only for caches of values computed from
/// the key alone: a key that is equal but not identical (a local function bound twice) costs a second
/// computation of the same value, never a wrong answer.
/// </summary>
internal sealed class ReferenceComparer : IEqualityComparer<object>
{
    public static readonly ReferenceComparer Instance = new();

    private ReferenceComparer()
    {
    }

    [MethodImpl(JitOptions.Optimized)]
    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    [MethodImpl(JitOptions.Optimized)]
    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
