using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>Resolved once per test class: reference assemblies, the discovered analyzers and fixes, the corpus.</summary>
public sealed class RobustnessFixture : IAsyncLifetime
{
    internal ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerDiscovery.CreateAnalyzers();

    internal ImmutableArray<CodeFixProvider> CodeFixProviders { get; } = AnalyzerDiscovery.CreateCodeFixProviders();

    internal ImmutableArray<CorpusGroup> SampleGroups { get; } = SampleCorpus.Load();

    /// <summary>The embedded corpus first, then one group per sample project.</summary>
    internal ImmutableArray<CorpusGroup> Groups => SampleGroups.Insert(0, EmbeddedCorpus.Group);

    internal RobustnessHarness Harness { get; private set; } = null!;

    internal IReadOnlyDictionary<ReferenceProfile, ImmutableArray<MetadataReference>> References { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        References = new Dictionary<ReferenceProfile, ImmutableArray<MetadataReference>>
        {
            [ReferenceProfile.Net80] = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            [ReferenceProfile.NetStandard20] = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
            [ReferenceProfile.None] = ImmutableArray<MetadataReference>.Empty,
        };
        Harness = new RobustnessHarness(Analyzers, CodeFixProviders, References);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
