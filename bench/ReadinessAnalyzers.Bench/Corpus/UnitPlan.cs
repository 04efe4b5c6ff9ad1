using System.Collections.Generic;

namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>
/// One file of the corpus as later files see it: its type and the members they may call. A plan depends
/// only on the seed, its index and the plans before it, so a corpus of N files is the first N files of
/// every larger corpus with the same seed: doubling the size adds code and changes none.
/// </summary>
internal sealed class UnitPlan
{
    public required int Index { get; init; }

    public required UnitKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string TypeName { get; init; }

    /// <summary>The file's path in the project, with '/' separators.</summary>
    public required string Path { get; init; }

    /// <summary>Helper: the public static <c>decimal M(decimal value, decimal reference)</c> methods.</summary>
    public List<HelperMethod> Methods { get; } = [];

    /// <summary>Service: <c>Task&lt;decimal&gt; {AsyncMethod}(string symbol, CancellationToken ct)</c>.</summary>
    public string AsyncMethod { get; init; } = "";

    /// <summary>Helper methods of earlier files this file calls.</summary>
    public List<(UnitPlan Type, HelperMethod Method)> HelperCalls { get; } = [];

    /// <summary>An earlier service this file composes, if any.</summary>
    public UnitPlan? Service { get; set; }

    /// <summary>An earlier book (a lock-protected position store) this file updates, if any.</summary>
    public UnitPlan? Book { get; set; }

    /// <summary>An earlier model record this file stores, if any.</summary>
    public UnitPlan? Model { get; set; }

    /// <summary>The namespaces of every earlier type this file refers to.</summary>
    public IEnumerable<string> ReferencedNamespaces()
    {
        foreach (var (type, _) in HelperCalls)
        {
            yield return type.Namespace;
        }

        foreach (var method in Methods)
        {
            foreach (var (type, _) in method.Callees)
            {
                yield return type.Namespace;
            }
        }

        if (Service is not null)
        {
            yield return Service.Namespace;
        }

        if (Book is not null)
        {
            yield return Book.Namespace;
        }

        if (Model is not null)
        {
            yield return Model.Namespace;
        }
    }
}
