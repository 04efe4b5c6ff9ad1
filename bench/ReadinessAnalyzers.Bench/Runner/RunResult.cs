namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>One dotnet invocation: exit code, wall time, peak resident memory (0 when not measured), output.</summary>
internal sealed record RunResult(int ExitCode, double Seconds, long MaxRssKb, string Output)
{
    /// <summary>The last lines of the output, for an error message.</summary>
    public string Tail(int lines = 40)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all[System.Math.Max(0, all.Length - lines)..]);
    }
}
