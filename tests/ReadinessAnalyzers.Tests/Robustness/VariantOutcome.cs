using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>What one variant produced: our diagnostics, how many fixes ran, and every failure found.</summary>
internal sealed class VariantOutcome
{
    public VariantOutcome(Variant variant) => Variant = variant;

    public Variant Variant { get; }

    /// <summary>Diagnostics of our analyzers (never AD0001 or compiler diagnostics).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

    /// <summary>The project's compiler errors before any fix, formatted; only computed when fixes are checked to compile.</summary>
    public ImmutableArray<string> CompilerErrors { get; set; } = ImmutableArray<string>.Empty;

    public int FixesRegistered { get; set; }

    public int FixesApplied { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>Compiling and running the analyzers; the rest of <see cref="Duration"/> went on fixes.</summary>
    public TimeSpan AnalysisDuration { get; set; }

    /// <summary>One entry per problem, each with a full, self-contained message.</summary>
    public List<Failure> Failures { get; } = new();
}
