using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReadinessAnalyzers.Report;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>One in-process run of <c>readiness-report</c>: exit code and what it printed.</summary>
public sealed record ReportRun(int ExitCode, string Stdout, string Stderr)
{
    public static ReportRun Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = ReportCommand.Run(args, stdout, stderr);
        return new ReportRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public IReadOnlyList<string> StderrLines
        => Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
