using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// The compiler errors of a project as a multiset of id + message (positions move when a fix edits the
/// file; messages name the symbols involved), so "did the fix add an error?" survives the edit.
/// </summary>
internal sealed class ErrorSet
{
    private readonly Dictionary<string, int> _counts = new(System.StringComparer.Ordinal);

    public ErrorSet(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                var key = Key(diagnostic);
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }
        }
    }

    /// <summary>The errors in <paramref name="after"/> beyond those already counted here.</summary>
    public List<Diagnostic> Added(IEnumerable<Diagnostic> after)
    {
        var remaining = new Dictionary<string, int>(_counts, System.StringComparer.Ordinal);
        var added = new List<Diagnostic>();
        foreach (var diagnostic in after)
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            var key = Key(diagnostic);
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
            }
            else
            {
                added.Add(diagnostic);
            }
        }

        return added;
    }

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
