namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>The framework a variant compiles against.</summary>
internal enum ReferenceProfile
{
    /// <summary>The .NET 8 reference assemblies: the normal case.</summary>
    Net80,

    /// <summary>netstandard2.0 without System.Threading.Tasks.Extensions: no ValueTask, no IAsyncEnumerable.</summary>
    NetStandard20,

    /// <summary>No references at all: not even System.Object resolves.</summary>
    None,
}
