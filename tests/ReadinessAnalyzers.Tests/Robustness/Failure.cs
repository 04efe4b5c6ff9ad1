namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>
/// One problem found in one variant. <see cref="Signature"/> says what failed and how, without the
/// variant (so one bug failing many variants is counted once); <see cref="Message"/> is the full repro.
/// </summary>
internal sealed record Failure(string Signature, string Message);
