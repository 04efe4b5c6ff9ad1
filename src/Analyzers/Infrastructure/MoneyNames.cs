using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// The money rules' view of names (RULES.md "Money-like name"): the configured money words minus the
/// ratio and statistic exclusions, per tree, and the name an operation carries (the local, parameter,
/// field, property or method it reads).
/// </summary>
internal sealed class MoneyNames
{
    private readonly ReadinessOptions.Cache _options;

    public MoneyNames(ReadinessOptions.Cache options) => _options = options;

    /// <summary>
    /// True when <paramref name="name"/> is money-like under the options of <paramref name="tree"/>;
    /// <paramref name="containerName"/> (the member or type around the name) decides a bare <c>value</c>.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsMoneyLike(string? name, string? containerName, SyntaxTree tree)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var options = _options.Get(tree);
        return Names.IsMoneyLike(name, options.MoneyWords, options.MoneyExclusionWords, containerName);
    }

    /// <summary>
    /// True when <paramref name="name"/> says it is not an amount: a ratio, statistic or duration word
    /// (<c>timeoutSeconds</c>, <c>changePct</c>) under the options of <paramref name="tree"/>.
    /// </summary>
    public bool IsExplicitlyNotMoney(string? name, SyntaxTree tree)
        => !string.IsNullOrEmpty(name) && Names.IsExcluded(name, _options.Get(tree).MoneyExclusionWords);

    /// <summary>
    /// True when <paramref name="symbol"/>'s name is money-like; a bare <c>value</c> is judged by its
    /// method (parameters, locals) or its type (fields, properties, methods).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public bool IsMoneyLike(ISymbol symbol, ISymbol? containingMember, SyntaxTree tree)
        => IsMoneyLike(symbol.Name, ContainerName(symbol, containingMember), tree);

    /// <summary>The symbol an expression reads (conversions and parentheses looked through), or null.</summary>
    public static ISymbol? ReferencedSymbol(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            IInvocationOperation invocation => invocation.TargetMethod,
            IArrayElementReferenceOperation element => ReferencedSymbol(element.ArrayReference),
            _ => null,
        };
    }

    private static string? ContainerName(ISymbol symbol, ISymbol? containingMember) => symbol switch
    {
        ILocalSymbol => containingMember?.Name,
        IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } method } => method.ContainingType?.Name,
        IParameterSymbol parameter => parameter.ContainingSymbol?.Name,
        _ => symbol.ContainingType?.Name,
    };
}
