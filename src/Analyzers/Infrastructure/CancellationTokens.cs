using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Finds the CancellationToken a fix should pass on.</summary>
internal static class CancellationTokens
{
    /// <summary>
    /// The name of the one <c>CancellationToken</c> parameter or local in scope at <paramref name="operation"/>
    /// (declared before it), or <see langword="null"/> when there is none or more than one: with two tokens
    /// in scope the right one is the author's call, not ours. Called only when a diagnostic is reported.
    /// </summary>
    public static string? FindSingleInScope(IOperation operation, WellKnownTypes types)
    {
        if (types.CancellationToken is null || operation.SemanticModel is not { } model)
        {
            return null;
        }

        var position = operation.Syntax.SpanStart;
        string? found = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var type = symbol switch
            {
                IParameterSymbol parameter => parameter.Type,
                ILocalSymbol local when IsDeclaredBefore(local, position) => local.Type,
                _ => null,
            };
            if (!SymbolEqualityComparer.Default.Equals(type, types.CancellationToken))
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

    private static bool IsDeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End <= position)
            {
                return true;
            }
        }

        return false;
    }
}
