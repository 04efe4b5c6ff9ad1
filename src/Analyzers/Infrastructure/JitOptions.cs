using System.Runtime.CompilerServices;

namespace ReadinessAnalyzers.Infrastructure;

/// <summary>
/// How the runtime compiles the code that runs for every operation, symbol or string literal.
/// A command-line build runs the compiler in a fresh process: each of our methods starts as unoptimized
/// tier-0 code and waits for the runtime's background compiler to promote it. On the 2,000-file
/// benchmark corpus none of our methods was promoted before the build ended (the background compiler
/// is busy with the compiler's own code), so the per-node callbacks ran unoptimized from first file to
/// last. Methods marked <see cref="Optimized"/> are compiled optimized on their first call instead.
/// </summary>
internal static class JitOptions
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (.NET Core 3.0 and later), which netstandard2.0
    /// does not name. Hosts that do not know the flag (.NET Framework) ignore it.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
