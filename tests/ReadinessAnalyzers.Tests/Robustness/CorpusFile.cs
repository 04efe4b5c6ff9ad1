namespace ReadinessAnalyzers.Tests.Robustness;

/// <summary>One C# source of the robustness corpus; <see cref="Path"/> is repository-relative with '/' separators.</summary>
internal sealed record CorpusFile(string Path, string Text);
