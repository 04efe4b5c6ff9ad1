using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>A fixed set of <c>.editorconfig</c> key/value pairs, looked up like the compiler does (keys ignore case).</summary>
internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _values;

    public TestAnalyzerConfigOptions(IEnumerable<KeyValuePair<string, string>> values)
        => _values = ImmutableDictionary.CreateRange(KeyComparer, values);

    public override IEnumerable<string> Keys => _values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        => _values.TryGetValue(key, out value);
}
