using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>The text of string literals, for the rules that register for every literal (RDY203, RDY301).</summary>
internal static class StringLiterals
{
    /// <summary>
    /// The text of <paramref name="literal"/> when it is a string, otherwise <see langword="null"/>. A literal
    /// callback also sees every number; the type is tested before <c>ConstantValue</c>, which boxes a number.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public static string? TextOf(ILiteralOperation literal)
        => literal.Type is { SpecialType: not SpecialType.System_String } ? null
            : literal.ConstantValue is { HasValue: true, Value: string text } ? text
            : null;
}
