using System;
using System.Collections.Generic;
using System.IO;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>The C# files under a directory (or the file itself), skipping bin/, obj/ and .git/ folders.</summary>
internal static class SourceTree
{
    private static readonly EnumerationOptions s_oneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        // A link to a folder could loop back on itself; the files it leads to are counted where they live.
        AttributesToSkip = FileAttributes.ReparsePoint,
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    /// <summary>Normalized paths of the <c>*.cs</c> files, or null when <paramref name="fileOrDirectory"/> does not exist.</summary>
    public static List<string>? CSharpFiles(string fileOrDirectory)
    {
        var full = Path.GetFullPath(fileOrDirectory);
        if (File.Exists(full))
        {
            return [PathText.Normalize(full)];
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(full);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", s_oneLevel))
            {
                if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(PathText.Normalize(file));
                }
            }

            foreach (var child in Directory.EnumerateDirectories(directory, "*", s_oneLevel))
            {
                var name = Path.GetFileName(child);
                if (!name.Equals("bin", StringComparison.OrdinalIgnoreCase)
                    && !name.Equals("obj", StringComparison.OrdinalIgnoreCase)
                    && !name.Equals(".git", StringComparison.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
