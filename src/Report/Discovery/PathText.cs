using System;
using System.Collections.Generic;

namespace ReadinessAnalyzers.Report.Discovery;

/// <summary>
/// Paths as plain text, '/' separated, whatever the operating system: a Windows path from a build agent
/// must be handled the same way on a Linux machine that only renders the report.
/// </summary>
internal static class PathText
{
    /// <summary>'/' separators, no "." segments, ".." resolved where possible, no trailing '/' except on a root.</summary>
    public static string Normalize(string path)
    {
        var text = path.Replace('\\', '/');
        var root = RootOf(text);
        var segments = new List<string>();
        var rest = text.Length > root.Length ? text[root.Length..] : "";
        foreach (var segment in rest.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || root.Length == 0)
            {
                segments.Add(segment); // ".." above a root stays at the root
            }
        }

        if (root.Length > 0 && !root.EndsWith('/') && segments.Count > 0)
        {
            root += "/"; // "//server/share" followed by more segments
        }

        return root + string.Join('/', segments);
    }

    /// <summary>"/" (Unix), "C:/" (drive), "//server/share" (UNC) or "" for a relative path; expects '/' separators.</summary>
    public static string RootOf(string path)
    {
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            var server = path.IndexOf('/', 2);
            if (server < 0)
            {
                return path;
            }

            var share = path.IndexOf('/', server + 1);
            return share < 0 ? path : path[..share];
        }

        if (path.StartsWith('/'))
        {
            return "/";
        }

        if (HasDriveLetter(path))
        {
            return path[..2].ToUpperInvariant() + "/";
        }

        return "";
    }

    public static bool IsAbsolute(string normalizedPath) => RootOf(normalizedPath).Length > 0;

    /// <summary>Windows-style paths (drive letter or UNC) compare without case, as Windows does.</summary>
    public static StringComparison ComparisonFor(string normalizedPath)
        => normalizedPath.StartsWith("//", StringComparison.Ordinal) || HasDriveLetter(normalizedPath)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;

    /// <summary>The containing directory of a normalized absolute path, or null for a root.</summary>
    public static string? Parent(string normalizedPath)
    {
        var root = RootOf(normalizedPath);
        if (normalizedPath.Length <= root.Length)
        {
            return null;
        }

        var slash = normalizedPath.LastIndexOf('/');
        return slash < root.Length ? root : normalizedPath[..slash];
    }

    /// <summary>The last segment: a file or directory name.</summary>
    public static string FileName(string normalizedPath)
        => normalizedPath[(normalizedPath.LastIndexOf('/') + 1)..];

    public static string Combine(string directory, string relative)
        => Normalize(directory.EndsWith('/') ? directory + relative : directory + "/" + relative);

    /// <summary>The path relative to <paramref name="directory"/> when it is inside it, else null. Both normalized.</summary>
    public static string? RelativeTo(string path, string directory)
    {
        var comparison = ComparisonFor(path);
        var prefix = directory.EndsWith('/') ? directory : directory + "/";
        if (path.Length > prefix.Length && path.StartsWith(prefix, comparison))
        {
            return path[prefix.Length..];
        }

        return null;
    }

    private static bool HasDriveLetter(string path)
        => path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && (path.Length == 2 || path[2] == '/');
}
