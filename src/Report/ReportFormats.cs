using System;

namespace ReadinessAnalyzers.Report;

/// <summary>The files <c>--format</c> asks for.</summary>
[Flags]
internal enum ReportFormats
{
    None = 0,
    Markdown = 1,
    Html = 2,
    Json = 4,
    All = Markdown | Html | Json,
}
