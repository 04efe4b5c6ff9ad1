namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>The <c>readiness.*</c> options a variant is analysed with.</summary>
internal enum ConfigProfile
{
    /// <summary>No <c>readiness.*</c> keys.</summary>
    Default,

    /// <summary>The malformed values from the issue, including a well-formed removal (<c>-price</c>).</summary>
    Malformed,

    /// <summary>Only values that are malformed through and through, so each must mean its default.</summary>
    MalformedMeaningless,

    /// <summary>Valid values that put most of the corpus on a hot path, to reach the hot-path code on broken input.</summary>
    HotPathEverywhere,
}
