using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>
/// What the report takes from a source file: its non-blank line count and where each namespace starts
/// and ends. Nothing else of the file's text is kept.
/// </summary>
internal sealed class SourceFile
{
    public const string GlobalNamespace = "(global)";

    public const string UnknownNamespace = "(unknown)";

    private readonly IReadOnlyList<NamespaceChange> _changes;

    public SourceFile(int nonBlankLines, IReadOnlyList<NamespaceChange> changes)
    {
        NonBlankLines = nonBlankLines;
        _changes = changes;
    }

    public int NonBlankLines { get; }

    /// <summary>The first namespace the file declares, or <see cref="GlobalNamespace"/>.</summary>
    public string FirstNamespace
    {
        get
        {
            foreach (var change in _changes)
            {
                if (change.Namespace.Length > 0)
                {
                    return change.Namespace;
                }
            }

            return GlobalNamespace;
        }
    }

    /// <summary>The namespace enclosing a 1-based position, or <see cref="GlobalNamespace"/>.</summary>
    public string NamespaceAt(int line, int column)
    {
        var name = "";
        foreach (var change in _changes)
        {
            if (change.Line > line || (change.Line == line && change.Column > column))
            {
                break;
            }

            name = change.Namespace;
        }

        return name.Length == 0 ? GlobalNamespace : name;
    }

    /// <summary>From (<paramref name="Line"/>, <paramref name="Column"/>) on, code is in <paramref name="Namespace"/> ("" for none).</summary>
    internal readonly record struct NamespaceChange(int Line, int Column, string Namespace);
}
