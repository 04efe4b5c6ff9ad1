namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>What the analyzers run over for a variant.</summary>
internal enum AnalysisScope
{
    /// <summary>The whole compilation, compilation-end actions included, as <c>dotnet build</c> does.</summary>
    Compilation,

    /// <summary>
    /// Only the changed file's syntax and semantics, as the IDE does for an open document: the other
    /// files are the unbroken corpus, already covered, and re-analysing them is most of a variant's cost.
    /// </summary>
    FocusFile,
}
