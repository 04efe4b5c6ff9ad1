namespace ReadinessAnalyzers.Report.Model;

/// <summary>One result of one of our rules, as the report shows it.</summary>
internal sealed record Finding
{
    public required string RuleId { get; init; }

    public required FindingLevel Level { get; init; }

    public required ReadinessCategory Category { get; init; }

    /// <summary>The rule's title (SARIF <c>shortDescription</c>, else the built-in catalog).</summary>
    public required string Title { get; init; }

    public required string Message { get; init; }

    /// <summary>The file, relative to its repository root or the report root, '/' separated; empty when the result has no location.</summary>
    public required string Path { get; init; }

    /// <summary>1-based; 0 when the result has no region.</summary>
    public int Line { get; init; }

    /// <summary>1-based; 0 when the result has no region.</summary>
    public int Column { get; init; }

    public string? HelpUri { get; init; }

    public bool HasCodeFix { get; init; }

    public bool Suppressed { get; init; }

    public required string Project { get; init; }

    public required string Namespace { get; init; }

    public BaselineState BaselineState { get; init; }

    public bool Blocking => !Suppressed
        && (Level == FindingLevel.Error
            || (Level == FindingLevel.Warning && Category is ReadinessCategory.Security or ReadinessCategory.HotPath));
}
