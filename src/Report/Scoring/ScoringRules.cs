using System;
using ReadinessAnalyzers.Report.Model;

namespace ReadinessAnalyzers.Report.Scoring;

/// <summary>
/// The scoring formula, in one place: docs/report.md documents exactly this, and every report prints
/// <see cref="Explanation"/>.
/// </summary>
internal static class ScoringRules
{
    /// <summary>H: the density (penalty points per 1,000 lines) that halves the score.</summary>
    public const int HalvingDensity = 10;

    /// <summary>Code smaller than this counts as this many lines, so a tiny project is not hypersensitive.</summary>
    public const long MinimumLines = 1000;

    public const int NotReadyBelow = 50;

    public const int ConditionsBelow = 80;

    public const string Explanation =
        "Each unsuppressed finding costs severity weight × category weight penalty points "
        + "(severity: error 10, warning 3, note 1; category: Security 2.0, Hot-path latency 1.5, "
        + "Network resilience 1.0, Failure handling 1.0, Money & time 1.0); suppressed findings cost nothing. "
        + "Density D = total penalty / KLOC, where KLOC = max(1, non-blank C# lines / 1000). "
        + "Score = round(100 × H / (H + D)) with H = 10, rounded half away from zero: "
        + "10 penalty points per 1,000 lines halve the score. "
        + "A category score uses that category's penalty over the same KLOC; a module score uses the module's penalty over its own KLOC. "
        + "Blocking findings are errors, and warnings in Security or Hot-path latency. "
        + "Verdict: Not ready if any error-level finding or score < 50; "
        + "else Ready with conditions if any blocking finding or score < 80; else Ready.";

    public static decimal SeverityWeight(FindingLevel level) => level switch
    {
        FindingLevel.Error => 10m,
        FindingLevel.Warning => 3m,
        FindingLevel.Note => 1m,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static decimal CategoryWeight(ReadinessCategory category) => category switch
    {
        ReadinessCategory.Security => 2.0m,
        ReadinessCategory.HotPath => 1.5m,
        ReadinessCategory.Network => 1.0m,
        ReadinessCategory.FailureHandling => 1.0m,
        ReadinessCategory.MoneyAndTime => 1.0m,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static decimal Penalty(Finding finding)
        => finding.Suppressed ? 0m : SeverityWeight(finding.Level) * CategoryWeight(finding.Category);

    /// <summary>KLOC as scored: max(1, lines / 1000).</summary>
    public static decimal Kloc(long sourceLines) => Math.Max(MinimumLines, sourceLines) / 1000m;

    /// <summary>D = penalty / KLOC.</summary>
    public static decimal Density(decimal penalty, long sourceLines) => penalty / Kloc(sourceLines);

    /// <summary>
    /// round(100 × H / (H + D)), computed as 100 × H × L / (H × L + 1000 × P) with L = max(1000, lines):
    /// the same value with a single division of exact decimals, so a result that is exactly .5 is seen as
    /// such and rounds up.
    /// </summary>
    public static int Score(decimal penalty, long sourceLines)
    {
        decimal lines = Math.Max(MinimumLines, sourceLines);
        var exact = 100m * HalvingDensity * lines / ((HalvingDensity * lines) + (1000m * penalty));
        return (int)Math.Round(exact, MidpointRounding.AwayFromZero);
    }

    public static Verdict Decide(int score, bool anyError, bool anyBlocking)
    {
        if (anyError || score < NotReadyBelow)
        {
            return Verdict.NotReady;
        }

        return anyBlocking || score < ConditionsBelow ? Verdict.ReadyWithConditions : Verdict.Ready;
    }
}
