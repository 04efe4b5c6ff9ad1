using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Matches a symbol's namespace against configured namespace lists.</summary>
internal static class Namespaces
{
    /// <summary>
    /// True when <paramref name="ns"/> is one of <paramref name="prefixes"/> or nested in one, on whole
    /// segments: <c>Engine.Ui</c> matches <c>Engine.Ui</c> and <c>Engine.Ui.Charts</c>, not <c>Engine.UiTests</c>.
    /// </summary>
    public static bool IsInAny(INamespaceSymbol? ns, ImmutableArray<string> prefixes)
    {
        if (prefixes.IsDefaultOrEmpty || ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (Matches(ns, prefix))
            {
                return true;
            }
        }

        return false;
    }

    // Walks the namespace chain from the innermost segment outwards, comparing the prefix's segments
    // from its end; a match needs the prefix's first segment to meet the global namespace. Nothing is
    // allocated.
    private static bool Matches(INamespaceSymbol ns, string prefix)
    {
        var text = prefix.StartsWith("global::", StringComparison.Ordinal) ? prefix.Substring("global::".Length) : prefix;
        for (var start = ns; start is { IsGlobalNamespace: false }; start = start.ContainingNamespace)
        {
            var end = text.Length;
            var current = start;
            while (true)
            {
                var dot = text.LastIndexOf('.', end - 1 < 0 ? 0 : end - 1);
                var segmentStart = dot + 1;
                var length = end - segmentStart;
                if (current is null || current.IsGlobalNamespace || length <= 0
                    || current.Name.Length != length
                    || string.CompareOrdinal(current.Name, 0, text, segmentStart, length) != 0)
                {
                    break;
                }

                current = current.ContainingNamespace;
                if (dot < 0)
                {
                    if (current is null || current.IsGlobalNamespace)
                    {
                        return true;
                    }

                    break;
                }

                end = dot;
            }
        }

        return false;
    }
}
