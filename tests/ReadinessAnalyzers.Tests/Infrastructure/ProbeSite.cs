using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>
/// A call to a method named <c>Probe</c>, as an operation callback sees it: the operation, the
/// <c>ContainingSymbol</c> the analyzer driver passes (the member, never a lambda), and the
/// compilation the driver analyses.
/// </summary>
internal sealed record ProbeSite(IOperation Operation, ISymbol ContainingSymbol, Compilation Compilation);
