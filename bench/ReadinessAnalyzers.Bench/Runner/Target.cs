namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>What is built: a generated corpus of <see cref="Files"/> files, or a real project (Files null).</summary>
internal sealed record Target(string Path, int? Files, long Lines)
{
    public string Label => Files is { } files ? files + " files" : System.IO.Path.GetFileName(Path);
}
