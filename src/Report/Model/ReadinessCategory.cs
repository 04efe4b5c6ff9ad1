namespace ReadinessAnalyzers.Report.Model;

/// <summary>The five rule families of the catalog, in report order.</summary>
internal enum ReadinessCategory
{
    HotPath,
    Network,
    Security,
    FailureHandling,
    MoneyAndTime,
}
