namespace ReadinessAnalyzers.Report.Model;

internal enum Verdict
{
    NotReady,
    ReadyWithConditions,
    Ready,
}
