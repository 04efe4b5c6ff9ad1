namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>A project found on disk: its name (the <c>.csproj</c> file name without extension) and directory.</summary>
internal sealed record ProjectInfo(string Name, string Directory);
