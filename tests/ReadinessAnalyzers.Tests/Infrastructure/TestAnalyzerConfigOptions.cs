using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Infrastructure;

/// <summary>The options of one tree, as the compiler hands them to an analyzer (keys case-insensitive).</summary>
internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    public static readonly TestAnalyzerConfigOptions Empty = new();

    private readonly ImmutableDictionary<string, string> _values;

    public TestAnalyzerConfigOptions(params (string Key, string Value)[] entries)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(KeyComparer);
        foreach (var (key, value) in entries)
        {
            builder[key] = value;
        }

        _values = builder.ToImmutable();
    }

    public TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values)
        => _values = values.WithComparers(KeyComparer);

    public override IEnumerable<string> Keys => _values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        => _values.TryGetValue(key, out value);
}
