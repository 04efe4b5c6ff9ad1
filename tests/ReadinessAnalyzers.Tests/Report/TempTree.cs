using System;
using System.IO;
using System.Text;

namespace ReadinessAnalyzers.Tests.Report;

/// <summary>A throw-away directory for one test: source files, SARIF logs and report output.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "readiness-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The absolute directory path, with the operating system's separators.</summary>
    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The file URI the compiler writes for a file under the tree.</summary>
    public string UriOf(string relative) => new Uri(PathOf(relative)).AbsoluteUri;

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// A C# file in a file-scoped namespace with exactly <paramref name="nonBlankLines"/> non-blank lines
    /// (at least 4), a blank line after every fourth.
    /// </summary>
    public static string CSharpFile(string ns, int nonBlankLines)
    {
        var text = new StringBuilder();
        text.Append("namespace ").Append(ns).Append(";\n\npublic sealed class Generated\n{\n");
        for (var i = 0; i < nonBlankLines - 4; i++)
        {
            text.Append("    public int Field").Append(i).Append(";\n");
            if (i % 4 == 3)
            {
                text.Append("\n   \n");
            }
        }

        return text.Append("}\n").ToString();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test: the OS temp cleaner takes it.
        }
    }
}
