using System.Collections.Generic;
using System.IO;
using System.Text;
using ReadinessAnalyzers.Report.Model;
using ReadinessAnalyzers.Report.Rendering;

namespace ReadinessAnalyzers.Report;

/// <summary>Writes the chosen report files: UTF-8 without a byte-order mark, '\n' line ends on every OS.</summary>
internal static class ReportFiles
{
    /// <summary>The files' name without extension unless <c>--name</c> says otherwise.</summary>
    public const string DefaultName = "readiness-report";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The full paths written, the HTML first (the summary line points at it), then Markdown, then JSON.</summary>
    public static IReadOnlyList<string> Write(ReadinessReport report, string outputDirectory, ReportFormats formats, string name = DefaultName)
    {
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        if (formats.HasFlag(ReportFormats.Html))
        {
            written.Add(WriteText(Path.Combine(directory, name + ".html"), writer => HtmlRenderer.Write(report, writer)));
        }

        if (formats.HasFlag(ReportFormats.Markdown))
        {
            written.Add(WriteText(Path.Combine(directory, name + ".md"), writer => MarkdownRenderer.Write(report, writer)));
        }

        if (formats.HasFlag(ReportFormats.Json))
        {
            var path = Path.Combine(directory, name + ".json");
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                JsonRenderer.Write(report, stream);
            }

            written.Add(path);
        }

        return written;
    }

    private static string WriteText(string path, System.Action<TextWriter> render)
    {
        using (var writer = new StreamWriter(path, append: false, s_utf8, bufferSize: 1 << 16) { NewLine = "\n" })
        {
            render(writer);
        }

        return path;
    }
}
