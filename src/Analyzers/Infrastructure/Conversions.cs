using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>Looking through conversions to the value they convert.</summary>
internal static class Conversions
{
    /// <summary>The operand under every conversion, implicit or explicit: <c>(object)(long)x</c> → <c>x</c>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
