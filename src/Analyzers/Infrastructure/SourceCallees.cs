using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// The calls RDY107 follows, shared with the lock-body check of RDY103/RDY108: a direct, statically
/// bound call to a synchronous method with a body in this compilation. Virtual and interface dispatch
/// are not followed (RULES.md, RDY107).
/// </summary>
internal static class SourceCallees
{
    /// <summary>
    /// The method a call to <paramref name="target"/> runs, as its original definition, when the call is
    /// statically bound to a synchronous source method; otherwise null.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static IMethodSymbol? Candidate(IMethodSymbol target, AsyncPath asyncPath)
    {
        // Most calls go to library code: its metadata location rejects it before any other test.
        if (!IsInSource(target))
        {
            return null;
        }

        var method = Normalise(target);
        if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
            || method.ContainingType?.TypeKind == TypeKind.Interface
            || !IsInSource(method)
            || asyncPath.IsAsyncFunction(method))
        {
            return null;
        }

        return method;
    }

    private static readonly ConditionalWeakTable<AsyncPath, Verdicts> s_verdicts = new();

    /// <summary>The verdict table every analyzer shares for the compilation of <paramref name="asyncPath"/>.</summary>
    public static Verdicts For(AsyncPath asyncPath) => s_verdicts.GetValue(asyncPath, static path => new Verdicts(path));

    /// <summary>
    /// <see cref="Candidate"/> and <see cref="HasBody"/> together, answered once per method per
    /// compilation. The chain and lock-body checks see every call and property access of every body:
    /// most go to library code (rejected by location before the table) or to an auto-property (no
    /// body, so it never blocks a caller).
    /// </summary>
    public sealed class Verdicts(AsyncPath asyncPath)
    {
        // Keyed by normalised definitions (see ReferenceComparer); s_noCallee marks a method that
        // never blocks a caller.
        private static readonly object s_noCallee = new();
        private readonly ConcurrentDictionary<IMethodSymbol, object> _byMethod = new(ReferenceComparer.Instance);

        /// <summary>
        /// The method a call to <paramref name="target"/> runs, as <see cref="Normalise"/> gives it, when
        /// that method can block its caller: a statically bound, synchronous source method with a body of
        /// its own. Otherwise null.
        /// </summary>
        [MethodImpl(JitOptions.Optimized)]
        public IMethodSymbol? CalleeWithBody(IMethodSymbol target, CancellationToken cancellationToken)
        {
            if (!IsInSource(target))
            {
                return null;
            }

            var method = Normalise(target);
            if (_byMethod.TryGetValue(method, out var known))
            {
                return known as IMethodSymbol;
            }

            var callee = Candidate(method, asyncPath) is { } candidate && HasBody(candidate, cancellationToken) ? candidate : null;
            _byMethod.TryAdd(method, (object?)callee ?? s_noCallee);
            return callee;
        }
    }

    /// <summary>
    /// The one symbol that stands for a method however it is called: the unreduced, unconstructed
    /// definition, and the defining part of a partial method.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static IMethodSymbol Normalise(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return method.PartialDefinitionPart ?? method;
    }

    /// <summary>
    /// False for a property accessor the compiler writes (an auto-property's <c>get;</c>/<c>set;</c>, a
    /// record's positional property): it has no body to summarise, so a call to it never blocks. Other
    /// candidates have a body.
    /// </summary>
    public static bool HasBody(IMethodSymbol candidate, System.Threading.CancellationToken cancellationToken)
    {
        if (candidate.MethodKind is not (MethodKind.PropertyGet or MethodKind.PropertySet))
        {
            return true;
        }

        foreach (var reference in candidate.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }
                or ArrowExpressionClauseSyntax)
            {
                return true;
            }
        }

        return false;
    }

    // Declared in this compilation's source; library code has a metadata location.
    [MethodImpl(JitOptions.Optimized)]
    private static bool IsInSource(IMethodSymbol method) => !method.Locations.IsEmpty && method.Locations[0].IsInSource;
}
