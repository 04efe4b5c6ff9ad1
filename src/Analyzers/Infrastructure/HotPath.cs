using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// Decides whether a member is on a hot path: it (or a containing type) carries an attribute whose
/// simple name is <c>HotPath</c>/<c>HotPathAttribute</c> or a configured name, in any namespace (users
/// declare the attribute themselves), or its type or namespace is listed in
/// <c>readiness.hot_path_types</c> / <c>readiness.hot_path_namespaces</c>.
/// </summary>
internal sealed class HotPath
{
    private static readonly SymbolDisplayFormat s_qualifiedName = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    private readonly ReadinessOptions.Cache _options;
    private readonly ConcurrentDictionary<ISymbol, string> _qualifiedNames = new(ReferenceComparer.Instance);

    public HotPath(ReadinessOptions.Cache options) => _options = options;

    /// <summary>The per-tree options this instance reads.</summary>
    public ReadinessOptions.Cache Options => _options;

    /// <summary>
    /// True when <paramref name="member"/> (a method, accessor or local function) is on a hot path under the
    /// options of <paramref name="tree"/>, the tree being analysed. A local function counts only by its own
    /// attributes: it is judged by its own declaration, like a lambda.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsHotPath(ISymbol member, SyntaxTree tree)
    {
        var options = _options.Get(tree);
        if (HasHotPathAttribute(member, options.HotPathAttributes))
        {
            return true;
        }

        if (member is IMethodSymbol method)
        {
            if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            {
                return false;
            }

            if (method.AssociatedSymbol is { } property && HasHotPathAttribute(property, options.HotPathAttributes))
            {
                return true;
            }
        }

        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            if (HasHotPathAttribute(type, options.HotPathAttributes) || IsListedType(type, options.HotPathTypes))
            {
                return true;
            }
        }

        return Namespaces.IsInAny(member.ContainingNamespace, options.HotPathNamespaces);
    }

    private static bool HasHotPathAttribute(ISymbol symbol, ImmutableHashSet<string> names)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && names.Contains(attributeClass.Name))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsListedType(INamedTypeSymbol type, ImmutableHashSet<string> listed)
        => !listed.IsEmpty && (listed.Contains(type.Name) || listed.Contains(QualifiedName(type)));

    private string QualifiedName(ISymbol symbol)
        => _qualifiedNames.GetOrAdd(symbol, static s => s.ToDisplayString(s_qualifiedName));
}
