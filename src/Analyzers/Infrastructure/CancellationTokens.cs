using System.Threading;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Finds the CancellationToken a fix should pass on.</summary>
internal static class CancellationTokens
{
    /// <summary>
    /// The name of the one <c>CancellationToken</c> parameter or local in scope at <paramref name="operation"/>
    /// (declared before it), or <see langword="null"/> when there is none or more than one: with two tokens
    /// in scope the right one is the author's call, not ours. Called by the code fixes (when a lightbulb
    /// opens or Fix All runs), never during analysis.
    /// </summary>
    public static string? FindSingleInScope(IOperation operation, WellKnownTypes types, CancellationToken cancellationToken = default)
    {
        if (types.CancellationToken is null || operation.SemanticModel is not { } model)
        {
            return null;
        }

        var position = operation.Syntax.SpanStart;
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        string? found = null;
        foreach (var symbol in ScopeLookup.LocalsAndParameters(model, position, includeMembers: false, cancellationToken))
        {
            var type = symbol switch
            {
                IParameterSymbol parameter => parameter.Type,
                ILocalSymbol local when ScopeLookup.IsDeclaredBefore(local, position) => local.Type,
                _ => null,
            };
            if (!SymbolEqualityComparer.Default.Equals(type, types.CancellationToken)
                || !IsUsableFrom(symbol, enclosing))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = symbol.Name;
        }

        return found;
    }

    // Lookup also returns what a static lambda or local function cannot capture (CS8820, CS8421) and a
    // primary constructor's parameters inside a static member (CS9105); passing those would not compile.
    private static bool IsUsableFrom(ISymbol symbol, ISymbol? enclosing)
    {
        for (var current = enclosing; current is IMethodSymbol function; current = function.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(function, symbol.ContainingSymbol))
            {
                return true;
            }

            if (function.IsStatic)
            {
                return false;
            }

            if (function.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction))
            {
                return true;
            }
        }

        return true;
    }
}
