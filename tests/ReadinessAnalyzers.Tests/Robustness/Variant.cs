using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// One project to analyse: a corpus group with at most one file changed. <see cref="FocusPath"/> is the
/// changed file (its diagnostics are the ones fixed); <see cref="Mutation"/> and
/// <see cref="MutationPosition"/> say what changed and where, for the failure message.
/// </summary>
internal sealed record Variant(
    string Name,
    ImmutableArray<CorpusFile> Files,
    OutputKind OutputKind,
    string? FocusPath,
    string Mutation,
    int MutationPosition,
    ReferenceProfile References,
    ConfigProfile Options,
    AnalysisScope Scope = AnalysisScope.Compilation)
{
    /// <summary>The unchanged group, analysed as it is.</summary>
    public static Variant Unbroken(CorpusGroup group, ReferenceProfile references = ReferenceProfile.Net80, ConfigProfile options = ConfigProfile.Default)
        => new($"unbroken/{group.Name}/{references}/{options}", group.Files, group.OutputKind, null, "none", -1, references, options);

    /// <summary>The focus file's text, when there is one.</summary>
    public CorpusFile? FocusFile
    {
        get
        {
            foreach (var file in Files)
            {
                if (file.Path == FocusPath)
                {
                    return file;
                }
            }

            return null;
        }
    }
}
