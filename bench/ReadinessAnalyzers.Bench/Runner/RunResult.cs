namespace ReadinessAnalyzers.Bench.Runner;

/// <summary>
/// One dotnet invocation: exit code, wall time, and under GNU time the peak resident memory and the CPU
/// time (user + system) of the whole process tree (0 and NaN when not measured), and its output.
/// </summary>
internal sealed record RunResult(int ExitCode, double Seconds, long MaxRssKb, double CpuSeconds, string Output)
{
    /// <summary>The last lines of the output, for an error message.</summary>
    public string Tail(int lines = 40)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all[System.Math.Max(0, all.Length - lines)..]);
    }
}
