using System;

namespace ReadinessAnalyzers.Report;

/// <summary>
/// Bad input or usage: a missing, unreadable or malformed file, a bad option value. The command prints
/// the message as one line and exits with 2; the message names the file and what is wrong.
/// </summary>
public sealed class ReportInputException : Exception
{
    public ReportInputException()
    {
    }

    public ReportInputException(string message)
        : base(message)
    {
    }

    public ReportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
