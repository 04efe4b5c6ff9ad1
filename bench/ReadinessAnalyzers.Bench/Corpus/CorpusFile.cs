namespace ReadinessAnalyzers.Bench.Corpus;

/// <summary>One generated file: its path relative to the project folder ('/' separators) and its text.</summary>
internal sealed record CorpusFile(string Path, string Content);
