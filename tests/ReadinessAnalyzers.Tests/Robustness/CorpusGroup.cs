using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>Sources compiled together as one project: the embedded corpus, or one sample project.</summary>
internal sealed record CorpusGroup(string Name, ImmutableArray<CorpusFile> Files, OutputKind OutputKind);
