using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>
/// Per-tree options keyed by file path, the way <c>.editorconfig</c> sections apply to files;
/// a tree with no entry gets <see cref="Fallback"/>. Counts the per-tree requests so tests can
/// prove options are parsed once.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath = new(StringComparer.Ordinal);
    private int _treeRequests;

    public TestAnalyzerConfigOptionsProvider(AnalyzerConfigOptions? fallback = null)
        => Fallback = fallback ?? TestAnalyzerConfigOptions.Empty;

    public AnalyzerConfigOptions Fallback { get; }

    public int TreeRequests => Volatile.Read(ref _treeRequests);

    public override AnalyzerConfigOptions GlobalOptions => TestAnalyzerConfigOptions.Empty;

    public static AnalyzerOptions Options(params (string Key, string Value)[] entries)
        => new(ImmutableArray<AdditionalText>.Empty,
            new TestAnalyzerConfigOptionsProvider(new TestAnalyzerConfigOptions(entries)));

    public TestAnalyzerConfigOptionsProvider With(string path, AnalyzerConfigOptions options)
    {
        _byPath[path] = options;
        return this;
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
    {
        Interlocked.Increment(ref _treeRequests);
        return _byPath.TryGetValue(tree.FilePath, out var options) ? options : Fallback;
    }

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestAnalyzerConfigOptions.Empty;
}
