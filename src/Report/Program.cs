using System;

namespace ReadinessAnalyzers.Report;

internal static class Program
{
    private static int Main(string[] args) => ReportCommand.Run(args, Console.Out, Console.Error);
}
