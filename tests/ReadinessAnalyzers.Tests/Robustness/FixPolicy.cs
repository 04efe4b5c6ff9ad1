namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>How much fixing a variant gets.</summary>
/// <param name="MaxDiagnostics">Fix at most this many diagnostics (spread evenly over the ones reported) to bound time.</param>
/// <param name="FocusFileOnly">Fix only diagnostics in the changed file: the rest of the project is unbroken code.</param>
/// <param name="CheckCompiles">Fail when a fix adds a compiler error (only meaningful on unbroken code).</param>
/// <param name="RunFixAll">Also run each provider's Fix All per equivalence key, in document and project scope.</param>
internal sealed record FixPolicy(int MaxDiagnostics, bool FocusFileOnly, bool CheckCompiles, bool RunFixAll)
{
    public static FixPolicy Broken { get; } = new(MaxDiagnostics: 20, FocusFileOnly: true, CheckCompiles: false, RunFixAll: false);

    // Each fix on a 20,000-line document re-binds it: a handful proves the point.
    public static FixPolicy LargeFile { get; } = new(MaxDiagnostics: 5, FocusFileOnly: true, CheckCompiles: false, RunFixAll: false);

    public static FixPolicy Unbroken { get; } = new(MaxDiagnostics: 60, FocusFileOnly: false, CheckCompiles: true, RunFixAll: true);

    public static FixPolicy None { get; } = new(MaxDiagnostics: 0, FocusFileOnly: true, CheckCompiles: false, RunFixAll: false);
}
